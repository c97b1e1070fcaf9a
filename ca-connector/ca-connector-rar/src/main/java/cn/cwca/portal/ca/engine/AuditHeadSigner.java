package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Signs and checks the head of the portal's audit chain:
 *
 * <pre>
 * SignedAuditHead ::= SEQUENCE {
 *   head               AuditHead,
 *   signatureAlgorithm AlgorithmIdentifier,
 *   signature          BIT STRING }   -- over the DER of head
 * AuditHead ::= SEQUENCE {
 *   version     INTEGER (1),
 *   issuerKeyId OCTET STRING,       -- the signing issuing CA's key identifier
 *   sequence    INTEGER,
 *   headHash    OCTET STRING,       -- SHA-256, 32 bytes
 *   signedAt    GeneralizedTime }
 * </pre>
 */
final class AuditHeadSigner {

  private AuditHeadSigner() {}

  static byte[] sign(IssuingCa ca, long sequence, byte[] headHash, Instant signedAt)
      throws CaException {
    if (sequence < 1 || headHash.length != 32) {
      throw new CaException("an audit head is a sequence number from 1 and a SHA-256 hash");
    }
    ASN1EncodableVector fields = new ASN1EncodableVector();
    fields.add(new ASN1Integer(1));
    fields.add(new DEROctetString(HexFormat.of().parseHex(ca.keyId())));
    fields.add(new ASN1Integer(sequence));
    fields.add(new DEROctetString(headHash));
    fields.add(new ASN1GeneralizedTime(Date.from(signedAt)));
    DERSequence head = new DERSequence(fields);
    return ca.signers()
        .sign(
            signer -> {
              try {
                try (OutputStream out = signer.getOutputStream()) {
                  out.write(head.getEncoded(ASN1Encoding.DER));
                }
                ASN1EncodableVector signed = new ASN1EncodableVector();
                signed.add(head);
                signed.add(signer.getAlgorithmIdentifier());
                signed.add(new DERBitString(signer.getSignature()));
                return new DERSequence(signed).getEncoded(ASN1Encoding.DER);
              } catch (IOException e) {
                throw new CaException("cannot encode the audit head", e);
              }
            });
  }

  /**
   * Whether the bytes are a head signed for exactly this sequence number and hash by one of the
   * issuing CAs.
   */
  static boolean verify(List<IssuingCa> held, byte[] signedDer, long sequence, byte[] headHash) {
    try {
      ASN1Sequence signed = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signedDer));
      ASN1Sequence head = ASN1Sequence.getInstance(signed.getObjectAt(0));
      AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(signed.getObjectAt(1));
      byte[] signature = DERBitString.getInstance(signed.getObjectAt(2)).getOctets();
      if (!ASN1Integer.getInstance(head.getObjectAt(0)).hasValue(1)
          || !ASN1Integer.getInstance(head.getObjectAt(2)).hasValue(BigInteger.valueOf(sequence))
          || !Arrays.equals(
              ASN1OctetString.getInstance(head.getObjectAt(3)).getOctets(), headHash)) {
        return false;
      }
      String keyId =
          HexFormat.of().formatHex(ASN1OctetString.getInstance(head.getObjectAt(1)).getOctets());
      for (IssuingCa ca : held) {
        if (ca.keyId().equals(keyId)) {
          ContentVerifier verifier =
              new JcaContentVerifierProviderBuilder()
                  .setProvider(CryptoProviders.BC)
                  .build(ca.certificate())
                  .get(algorithm);
          try (OutputStream out = verifier.getOutputStream()) {
            out.write(head.getEncoded(ASN1Encoding.DER));
          }
          return verifier.verify(signature);
        }
      }
      return false;
    } catch (Exception malformed) {
      return false;
    }
  }
}
