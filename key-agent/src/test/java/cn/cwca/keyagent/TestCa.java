package cn.cwca.keyagent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** A throw-away CA in software that issues certificates for the CSRs the agent makes. */
final class TestCa {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keyPair;
  private final X509Certificate certificate;
  private final X500Name name = new X500Name("CN=Key Agent Test CA,O=CWCA Test,C=CN");

  TestCa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keyPair = generator.generateKeyPair();
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  name,
                  org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                      keyPair.getPublic().getEncoded()))
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      certificate = sign(builder);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** An end-entity certificate for the request's subject and public key, valid for a year. */
  X509Certificate issue(byte[] certificationRequest) {
    try {
      PKCS10CertificationRequest request = new PKCS10CertificationRequest(certificationRequest);
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(Duration.ofDays(365))),
                  request.getSubject(),
                  request.getSubjectPublicKeyInfo())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      return sign(builder);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) {
    try {
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    } catch (OperatorCreationException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(63, RANDOM).add(BigInteger.ONE);
  }
}
