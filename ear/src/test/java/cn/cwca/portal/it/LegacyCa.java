package cn.cwca.portal.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An "earlier issuing CA" of the integration-test server: the CA that issued the certificates on
 * users' keys before this system, which the server is configured to recognise (CA connector
 * property previousIssuerCertificates, system property {@value #SYSTEM_PROPERTY}). The server start
 * creates it under {@code target/it/legacy-ca}; tests, in the server or in the test JVM, issue
 * "certificates read from a key" with it, with any validity and subject, as the CA once did.
 */
public final class LegacyCa {

  /** The system property of the server naming the PEM file of the CA certificate. */
  public static final String SYSTEM_PROPERTY = "caportal.ca.previousIssuers";

  private static final String KEYSTORE = "legacy-ca.p12";
  private static final String PEM = "legacy-ca.pem";
  private static final char[] PASSWORD = "legacy-ca-of-the-tests".toCharArray();
  private static final String ALIAS = "legacy-ca";

  private LegacyCa() {}

  /** Creates the CA (a P-256 key and a self-signed certificate); returns its PEM file. */
  public static Path create(Path folder) throws Exception {
    Files.createDirectories(folder);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Principal name = new X500Principal("CN=CWCA Legacy Test CA,O=CWCA Test,C=CN");
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(Instant.parse("2000-01-01T00:00:00Z")),
            Date.from(Instant.parse("2099-12-31T23:59:59Z")),
            name,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate certificate = sign(builder, keys.getPrivate());
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry(ALIAS, keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
    try (OutputStream out = Files.newOutputStream(folder.resolve(KEYSTORE))) {
      keyStore.store(out, PASSWORD);
    }
    Path pem = folder.resolve(PEM);
    Files.writeString(
        pem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
    return pem;
  }

  /**
   * A certificate of the CA for the key, with the subject (RFC 4514, e.g. {@code
   * SERIALNUMBER=370102198001017778,CN=原姓名,C=CN}) and validity given; its DER in base64.
   */
  public static String issue(String subject, PublicKey key, Instant notBefore, Instant notAfter) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              certificate(
                      new X500Principal(subject, java.util.Map.of("SERIALNUMBER", "2.5.4.5")),
                      key,
                      notBefore,
                      notAfter)
                  .getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate of the CA for the key, with the subject and validity given. */
  public static X509Certificate certificate(
      X500Principal subject, PublicKey key, Instant notBefore, Instant notAfter) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(folder().resolve(KEYSTORE))) {
        keyStore.load(in, PASSWORD);
      }
      X509Certificate ca = (X509Certificate) keyStore.getCertificate(ALIAS);
      PrivateKey caKey = (PrivateKey) keyStore.getKey(ALIAS, PASSWORD);
      return sign(
          new JcaX509v3CertificateBuilder(
              ca.getSubjectX500Principal(),
              new BigInteger(64, new SecureRandom()).setBit(63),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              key),
          caKey);
    } catch (Exception e) {
      throw new IllegalStateException("The legacy test CA cannot issue: " + e.getMessage(), e);
    }
  }

  /** The same, for a fresh P-256 key. */
  public static String issue(String subject, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return issue(subject, generator.generateKeyPair().getPublic(), notBefore, notAfter);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** In the server: beside the PEM file it was told of; in the test JVM: under it.state.dir. */
  private static Path folder() {
    String pem = System.getProperty(SYSTEM_PROPERTY);
    if (pem != null) {
      return Path.of(pem).getParent();
    }
    return Path.of(System.getProperty("it.state.dir", "target/it")).resolve("legacy-ca");
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws Exception {
    X509CertificateHolder holder =
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }
}
