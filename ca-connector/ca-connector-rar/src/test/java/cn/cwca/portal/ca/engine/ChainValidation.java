package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.IssuedCertificate;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** Validates an issued certificate's path to its root, with Java's PKIX and with OpenSSL. */
final class ChainValidation {

  private ChainValidation() {}

  /** With the JDK's CertPathValidator (PKIX, revocation disabled): RSA and ECDSA chains. */
  static PKIXCertPathValidatorResult jdk(IssuedCertificate issued) throws Exception {
    return pkix(
        issued, CertificateFactory.getInstance("X.509"), CertPathValidator.getInstance("PKIX"));
  }

  /**
   * With Bouncy Castle's PKIX CertPathValidator: SM2 chains, whose SM3withSM2 signatures the JDK
   * cannot verify.
   */
  static PKIXCertPathValidatorResult bouncyCastle(IssuedCertificate issued) throws Exception {
    Provider bc = CryptoProviders.BC;
    return pkix(
        issued,
        CertificateFactory.getInstance("X.509", bc),
        CertPathValidator.getInstance("PKIX", bc));
  }

  private static PKIXCertPathValidatorResult pkix(
      IssuedCertificate issued, CertificateFactory factory, CertPathValidator validator)
      throws Exception {
    X509Certificate leaf = read(factory, issued.der());
    X509Certificate issuing = read(factory, issued.chain().get(0));
    X509Certificate root = read(factory, issued.chain().get(1));
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    parameters.setRevocationEnabled(false);
    return (PKIXCertPathValidatorResult)
        validator.validate(factory.generateCertPath(List.of(leaf, issuing)), parameters);
  }

  /** {@code openssl verify -CAfile root -untrusted issuing leaf} says OK. */
  static void openssl(IssuedCertificate issued, Path folder) {
    Path root = Certificates.writePem(folder.resolve("root.pem"), List.of(issued.chain().get(1)));
    Path issuing =
        Certificates.writePem(folder.resolve("issuing.pem"), List.of(issued.chain().get(0)));
    Path leaf = Certificates.writePem(folder.resolve("leaf.pem"), List.of(issued.der()));
    String output =
        Openssl.run(
            "verify",
            "-CAfile",
            root.toString(),
            "-untrusted",
            issuing.toString(),
            leaf.toString());
    assertTrue(output.contains(leaf + ": OK"), output);
  }

  /**
   * OpenSSL 3.0 applies no SM2 signer id when it verifies the certificates above the leaf, while
   * GM/T 0009 (and Bouncy Castle) sign with the default id 1234567812345678
   * (openssl/openssl#23471); so each link is verified on its own, the id given with {@code
   * -vfyopt}.
   */
  static void opensslSm2(IssuedCertificate issued, Path folder) {
    Path root = Certificates.writePem(folder.resolve("root.pem"), List.of(issued.chain().get(1)));
    Path issuing =
        Certificates.writePem(folder.resolve("issuing.pem"), List.of(issued.chain().get(0)));
    Path leaf = Certificates.writePem(folder.resolve("leaf.pem"), List.of(issued.der()));
    String gmtDefaultId = "distid:1234567812345678";
    String leafByIssuing =
        Openssl.run(
            "verify",
            "-vfyopt",
            gmtDefaultId,
            "-partial_chain",
            "-CAfile",
            issuing.toString(),
            leaf.toString());
    assertTrue(leafByIssuing.contains(leaf + ": OK"), leafByIssuing);
    String issuingByRoot =
        Openssl.run(
            "verify", "-vfyopt", gmtDefaultId, "-CAfile", root.toString(), issuing.toString());
    assertTrue(issuingByRoot.contains(issuing + ": OK"), issuingByRoot);
  }

  private static X509Certificate read(CertificateFactory factory, byte[] der) throws Exception {
    return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
  }
}
