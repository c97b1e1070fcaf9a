package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CertificateStatus;
import cn.cwca.portal.ca.CertificateStatusLookup;
import cn.cwca.portal.ca.RevocationReason;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * The OCSP responder (RFC 6960): answers for the certificates of the issuing CAs whose keys the CA
 * holds (the current one and earlier ones) with the status the application's lookup gives, signed
 * by the key of the issuing CA the request names (so no responder certificate to renew), responder
 * id by that key's hash, that CA's certificate included, the request's nonce echoed unless the
 * caller asks not to (RFC 9654, which obsoletes RFC 8954; a nonce of 0 or more than 128 octets is
 * malformed). The issuer of the request's first certificate of a held CA answers; certificates of
 * any other issuer in the same request get the status unknown. Responses carry no nextUpdate: the
 * status comes fresh from the system of record on every request. Requests are not required to be
 * signed.
 *
 * <p>Bouncy Castle's {@code org.bouncycastle.cert.ocsp.CertificateStatus} is written out in full:
 * the short name is the API's {@link CertificateStatus}.
 */
final class OcspResponder {

  private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());

  /** More certificates in one request than any client asks about: refused as malformed. */
  private static final int MAX_CERTIFICATES_PER_REQUEST = 64;

  /** The longest nonce a request may carry (RFC 9654 section 2.1); the shortest is 1 octet. */
  private static final int MAX_NONCE_OCTETS = 128;

  /** The hash algorithms a CertID may use to name this CA; others name no certificate of ours. */
  private static final List<ASN1ObjectIdentifier> CERT_ID_HASHES =
      List.of(
          OIWObjectIdentifiers.idSHA1,
          NISTObjectIdentifiers.id_sha256,
          NISTObjectIdentifiers.id_sha384,
          NISTObjectIdentifiers.id_sha512,
          GMObjectIdentifiers.sm3);

  private final BcDigestCalculatorProvider digests = new BcDigestCalculatorProvider();

  /** One per issuing CA, the current one first. */
  private final List<Responder> responders;

  private record IssuerHashes(byte[] nameHash, byte[] keyHash) {}

  /**
   * An issuing CA as the responder needs it: the issuer name and key hashes by hash algorithm, as
   * CertIDs carry them, its responder id and the certificate its answers include.
   */
  private record Responder(
      IssuingCa ca,
      RespID responderId,
      X509CertificateHolder[] certificates,
      Map<ASN1ObjectIdentifier, IssuerHashes> issuerHashes) {

    boolean issued(CertificateID id) {
      IssuerHashes hashes = issuerHashes.get(id.getHashAlgOID());
      return hashes != null
          && Arrays.equals(hashes.nameHash(), id.getIssuerNameHash())
          && Arrays.equals(hashes.keyHash(), id.getIssuerKeyHash());
    }
  }

  /** The application's lookup failed: the client gets internalError. */
  private static final class LookupFailedException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * @param issuers the issuing CAs whose certificates it answers for, the current one first
   */
  OcspResponder(List<IssuingCa> issuers) throws CaException {
    List<Responder> all = new ArrayList<>();
    for (IssuingCa ca : issuers) {
      Map<ASN1ObjectIdentifier, IssuerHashes> hashes = new HashMap<>();
      try {
        for (ASN1ObjectIdentifier algorithm : CERT_ID_HASHES) {
          hashes.put(algorithm, hashesOf(ca.certificate(), algorithm));
        }
        all.add(
            new Responder(
                ca,
                new RespID(
                    ca.certificate().getSubjectPublicKeyInfo(), digests.get(RespID.HASH_SHA1)),
                new X509CertificateHolder[] {ca.certificate()},
                Map.copyOf(hashes)));
      } catch (OCSPException | OperatorCreationException | IOException e) {
        throw new CaException("cannot prepare the OCSP responder", e);
      }
    }
    this.responders = List.copyOf(all);
  }

  OcspResponder(IssuingCa ca) throws CaException {
    this(List.of(ca));
  }

  /** What a well-formed request asks: the certificates, and the nonce if it has one. */
  private record Asked(List<CertificateID> certificates, Extension nonce) {}

  byte[] answer(byte[] requestDer, CertificateStatusLookup lookup) throws CaException {
    return answer(requestDer, lookup, true);
  }

  /**
   * @param echoNonce whether the answer repeats the request's nonce
   */
  byte[] answer(byte[] requestDer, CertificateStatusLookup lookup, boolean echoNonce)
      throws CaException {
    Asked asked = parse(requestDer);
    if (asked == null) {
      return error(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    Responder responder = responderFor(asked.certificates());
    if (responder == null) {
      return error(OCSPRespBuilder.UNAUTHORIZED);
    }
    Date now = new Date();
    BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(responder.responderId());
    for (CertificateID id : asked.certificates()) {
      org.bouncycastle.cert.ocsp.CertificateStatus status;
      if (responder.issued(id)) {
        try {
          status = statusOf(id, responder.ca().keyId(), lookup);
        } catch (LookupFailedException e) {
          return error(OCSPRespBuilder.INTERNAL_ERROR);
        }
      } else {
        status = new UnknownStatus();
      }
      response.addResponse(id, status, now, null, null);
    }
    if (echoNonce && asked.nonce() != null) {
      response.setResponseExtensions(new Extensions(asked.nonce()));
    }
    BasicOCSPResp signed =
        responder
            .ca()
            .signers()
            .sign(
                signer -> {
                  try {
                    return response.build(signer, responder.certificates(), now);
                  } catch (OCSPException e) {
                    throw new CaException("cannot sign the OCSP response", e);
                  }
                });
    try {
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, signed).getEncoded();
    } catch (OCSPException | IOException e) {
      throw new CaException("cannot encode the OCSP response", e);
    }
  }

  /**
   * The request read in full, or null when it is malformed (answered malformedRequest, RFC 6960
   * section 2.3): not an OCSPRequest, no certificate or too many, a CertID or an extension that is
   * not what its ASN.1 says (Bouncy Castle reads them only when asked), or a nonce of 0 or more
   * than {@value #MAX_NONCE_OCTETS} octets (RFC 9654 section 2.1).
   */
  private static Asked parse(byte[] requestDer) {
    try {
      OCSPReq request = new OCSPReq(requestDer);
      Req[] certificatesAsked = request.getRequestList();
      if (certificatesAsked.length == 0
          || certificatesAsked.length > MAX_CERTIFICATES_PER_REQUEST) {
        return null;
      }
      List<CertificateID> ids = new ArrayList<>(certificatesAsked.length);
      for (Req one : certificatesAsked) {
        CertificateID id = one.getCertID();
        id.getHashAlgOID();
        id.getIssuerNameHash();
        id.getIssuerKeyHash();
        id.getSerialNumber();
        ids.add(id);
      }
      Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        int octets = nonceOctets(nonce.getExtnValue().getOctets());
        if (octets == 0 || octets > MAX_NONCE_OCTETS) {
          return null;
        }
      }
      return new Asked(ids, nonce);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The length of a nonce: of the OCTET STRING the extension holds (RFC 9654), or of the
   * extension's value itself from older clients that send the nonce without that wrapping.
   */
  private static int nonceOctets(byte[] value) {
    try {
      ASN1Primitive inner = ASN1Primitive.fromByteArray(value);
      if (inner instanceof ASN1OctetString octets) {
        return octets.getOctets().length;
      }
    } catch (IOException | RuntimeException notWrapped) {
      // the raw nonce
    }
    return value.length;
  }

  /** The status of a certificate of this CA, as the OCSP response states it (null for good). */
  private static org.bouncycastle.cert.ocsp.CertificateStatus statusOf(
      CertificateID id, String issuerKeyId, CertificateStatusLookup lookup)
      throws LookupFailedException {
    BigInteger serial = id.getSerialNumber();
    if (serial.signum() <= 0) {
      return new UnknownStatus();
    }
    CertificateStatus status;
    try {
      status = lookup.statusOf(issuerKeyId, serial.toString(16));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The certificate status lookup failed for " + serial.toString(16), e);
      throw new LookupFailedException();
    }
    if (status instanceof CertificateStatus.Revoked revoked) {
      CRLReason reason =
          revoked.reason() == RevocationReason.UNSPECIFIED
              ? null
              : CRLReason.lookup(revoked.reason().code());
      return new RevokedStatus(new RevokedInfo(Asn1Times.generalized(revoked.revokedAt()), reason));
    }
    if (status instanceof CertificateStatus.Good) {
      return org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
    }
    if (status instanceof CertificateStatus.Unknown) {
      return new UnknownStatus();
    }
    LOG.warning(() -> "The certificate status lookup returned null for " + serial.toString(16));
    throw new LookupFailedException();
  }

  /** The issuing CA of the first certificate asked about that one of them issued, or null. */
  private Responder responderFor(List<CertificateID> asked) {
    for (CertificateID id : asked) {
      for (Responder responder : responders) {
        if (responder.issued(id)) {
          return responder;
        }
      }
    }
    return null;
  }

  private IssuerHashes hashesOf(X509CertificateHolder certificate, ASN1ObjectIdentifier algorithm)
      throws OperatorCreationException, IOException {
    return new IssuerHashes(
        digest(algorithm, certificate.getSubject().getEncoded()),
        digest(algorithm, certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes()));
  }

  private byte[] digest(ASN1ObjectIdentifier algorithm, byte[] data)
      throws OperatorCreationException, IOException {
    DigestCalculator calculator = digests.get(new AlgorithmIdentifier(algorithm));
    try (OutputStream out = calculator.getOutputStream()) {
      out.write(data);
    }
    return calculator.getDigest();
  }

  private static byte[] error(int status) throws CaException {
    try {
      return new OCSPRespBuilder().build(status, null).getEncoded();
    } catch (OCSPException | IOException e) {
      throw new CaException("cannot encode the OCSP error response", e);
    }
  }
}
