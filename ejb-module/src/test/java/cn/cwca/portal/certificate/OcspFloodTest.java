package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CaIssuer;
import cn.cwca.portal.ca.CertificateStatusLookup;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.Reference;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of OCSP requests against {@link CertificateService#answerOcsp}, with a CA that counts its
 * signatures and a registry that counts its queries: a flood degrades to kept answers.
 */
class OcspFloodTest {

  private static final String ISSUER = "ab".repeat(20);
  private static final String SERIAL = "4a5bc0ffee";
  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00.100Z");
  private static final int PER_SECOND = 10;
  private static final int BURST = 1000;

  private final AtomicInteger signatures = new AtomicInteger();
  private final AtomicInteger echoedNonces = new AtomicInteger();
  private final AtomicInteger registryQueries = new AtomicInteger();
  private final CertificateService service = new CertificateService();
  private final OcspAnswerCache cache = new OcspAnswerCache();
  private final OcspSignatureBudget budget = new OcspSignatureBudget();
  private int nonces;

  @BeforeEach
  void wire() {
    System.setProperty(OcspSignatureBudget.SETTING, String.valueOf(PER_SECOND));
    service.ca = new CountingCa();
    service.ocspAnswers = cache;
    service.ocspSignatures = budget;
    service.registry =
        new CertificateRegistry() {
          @Override
          public Optional<CertificateRecord> findBySerial(String serialHex) {
            registryQueries.incrementAndGet();
            return serialHex.equals(SERIAL) ? Optional.of(record()) : Optional.empty();
          }
        };
    at(T0);
  }

  @AfterEach
  void forgetTheSetting() {
    System.clearProperty(OcspSignatureBudget.SETTING);
  }

  @Test
  void aFloodOfNonceRequestsForOneCertificateCostsAHandfulOfSignaturesAndOneQuery()
      throws Exception {
    Set<ByteBuffer> answers = new HashSet<>();
    for (int i = 0; i < BURST; i++) {
      answers.add(ByteBuffer.wrap(service.answerOcsp(request(SERIAL, true))));
    }

    assertEquals(PER_SECOND / 2 + 1, signatures.get(), "half echoing nonces, one kept without");
    assertEquals(PER_SECOND / 2, echoedNonces.get());
    assertEquals(1, registryQueries.get(), "the status is kept");
    assertEquals(PER_SECOND / 2 + 1, answers.size(), "the rest is the one kept answer");
  }

  @Test
  void nextSecondANonceIsEchoedAgain() throws Exception {
    for (int i = 0; i < BURST; i++) {
      service.answerOcsp(request(SERIAL, true));
    }
    at(T0.plusSeconds(1));

    service.answerOcsp(request(SERIAL, true));

    assertEquals(PER_SECOND / 2 + 1, echoedNonces.get());
    assertEquals(1, registryQueries.get(), "still the kept status");
  }

  @Test
  void aFloodOfRequestsWithoutNonceForOneCertificateCostsOneSignature() throws Exception {
    byte[] first = service.answerOcsp(request(SERIAL, false));
    for (int i = 0; i < BURST; i++) {
      assertArrayEquals(first, service.answerOcsp(request(SERIAL, false)));
    }

    assertEquals(1, signatures.get());
    assertEquals(1, registryQueries.get());
  }

  @Test
  void aFloodOfMadeUpSerialsIsBoundedByTheBudgetAndAnsweredTryLaterBeyond() throws Exception {
    int tryLater = 0;
    for (int i = 0; i < BURST; i++) {
      byte[] answer = service.answerOcsp(request(Integer.toHexString(0x100000 + i), true));
      if (answer[answer.length - 1] == 3 && answer.length == 5) {
        tryLater++;
      }
    }

    assertEquals(PER_SECOND, signatures.get());
    assertEquals(PER_SECOND, registryQueries.get());
    assertEquals(BURST - PER_SECOND, tryLater);
  }

  @Test
  void aRevocationForgetsTheKeptStatusAndAnswer() throws Exception {
    service.answerOcsp(request(SERIAL, false));
    cache.revoked(new OcspAnswerCache.CertificateRevoked(SERIAL));

    service.answerOcsp(request(SERIAL, false));

    assertEquals(2, signatures.get());
    assertEquals(2, registryQueries.get());
  }

  private void at(Instant instant) {
    Clock clock = Clock.fixed(instant, ZoneOffset.UTC);
    cache.clock = clock;
    budget.clock = clock;
  }

  private byte[] request(String serial, boolean nonce) throws Exception {
    CertificateID id =
        new CertificateID(
            new CertID(
                new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE),
                new DEROctetString(new byte[20]),
                new DEROctetString(new byte[20]),
                new ASN1Integer(new BigInteger(serial, 16))));
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
    if (nonce) {
      byte[] value = ByteBuffer.allocate(16).putInt(++nonces).array();
      builder.setRequestExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                  false,
                  new DEROctetString(new DEROctetString(value)))));
    }
    return builder.build().getEncoded();
  }

  private static CertificateRecord record() {
    LocalDateTime now = LocalDateTime.ofInstant(T0, ZoneOffset.UTC);
    return new CertificateRecord(
        new CertificateRecord.Issued(
            SERIAL,
            "CN=张三,C=CN",
            "110101190001010006",
            "NATURAL_PERSON",
            "EC_P256",
            now.minus(Duration.ofDays(1)),
            now.plusYears(1),
            new byte[] {0x30},
            ISSUER),
        now);
  }

  /**
   * A CA whose OCSP answers ask the lookup as the real one does and count as a signature each: an
   * answer reads "successful", then whether it echoes the nonce, then a running number.
   */
  private final class CountingCa implements CaConnectionFactory, CaConnection {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] answerOcsp(
        byte[] ocspRequestDer, CertificateStatusLookup lookup, boolean echoNonce) {
      try {
        OCSPReq request = new OCSPReq(ocspRequestDer);
        for (Req one : request.getRequestList()) {
          lookup.statusOf(ISSUER, one.getCertID().getSerialNumber().toString(16));
        }
        boolean echoed =
            echoNonce && request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce) != null;
        if (echoed) {
          echoedNonces.incrementAndGet();
        }
        int number = signatures.incrementAndGet();
        return new byte[] {0x30, 0x05, 0x0a, 0x01, 0x00, (byte) (echoed ? 1 : 0), (byte) number};
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public List<CaIssuer> issuers() {
      return List.of(new CaIssuer(ISSUER, new byte[] {0x30}, true));
    }

    @Override
    public CaConnection getConnection() {
      return this;
    }

    @Override
    public IssuedCertificate issue(IssueRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] signCrl(CrlRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean issuedByThisCa(byte[] certificateDer) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] signAuditHead(long sequence, byte[] headHash, java.time.Instant signedAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean verifyAuditHead(byte[] signedHead, long sequence, byte[] headHash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<byte[]> caCertificates() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}

    @Override
    public void setReference(Reference reference) {}

    @Override
    public Reference getReference() {
      return null;
    }
  }
}
