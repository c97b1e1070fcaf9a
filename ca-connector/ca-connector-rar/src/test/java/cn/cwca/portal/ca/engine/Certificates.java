package cn.cwca.portal.ca.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/** Reading what the CA produced, the way relying parties do. */
final class Certificates {

  private Certificates() {}

  /** With the JDK's own X.509 implementation. */
  static X509Certificate jdk(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static X509CertificateHolder holder(byte[] der) {
    try {
      return new X509CertificateHolder(der);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Writes certificates as one PEM file. */
  static Path writePem(Path file, List<byte[]> certificates) {
    StringBuilder pem = new StringBuilder();
    certificates.forEach(der -> pem.append(pem("CERTIFICATE", der)));
    try {
      return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
