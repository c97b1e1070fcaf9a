package cn.cwca.portal.ca;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A certificate the CA has signed, with what the application records about it.
 *
 * @param der the DER encoding of the certificate
 * @param serialHex the serial number in lower-case hexadecimal without leading zeros (as {@code
 *     BigInteger.toString(16)}); the form {@link CertificateStatusLookup} and {@link
 *     RevokedCertificate} use too
 * @param notBefore start of the validity, to the second
 * @param notAfter end of the validity (inclusive), to the second
 * @param subjectDn the subject distinguished name as an RFC 4514 string
 * @param keyAlgorithm the algorithm of the certified key
 * @param chain the DER encodings of the CA certificates above it: the issuing CA first, the root
 *     last
 * @param issuerKeyId the key identifier of the issuing CA that signed it, as {@link
 *     CaIssuer#keyId()}: what the registry records, so that CRLs and OCSP answers for it are signed
 *     by that CA after another one has taken over
 */
public record IssuedCertificate(
    byte[] der,
    String serialHex,
    Instant notBefore,
    Instant notAfter,
    String subjectDn,
    KeyAlgorithm keyAlgorithm,
    List<byte[]> chain,
    String issuerKeyId) {

  public IssuedCertificate {
    der = Objects.requireNonNull(der, "der").clone();
    Objects.requireNonNull(serialHex, "serialHex");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(subjectDn, "subjectDn");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    chain = chain.stream().map(byte[]::clone).toList();
    Objects.requireNonNull(issuerKeyId, "issuerKeyId");
  }

  @Override
  public byte[] der() {
    return der.clone();
  }

  @Override
  public List<byte[]> chain() {
    return chain.stream().map(byte[]::clone).toList();
  }

  /** Two issued certificates are the same when they are the same certificate. */
  @Override
  public boolean equals(Object other) {
    return other instanceof IssuedCertificate that && Arrays.equals(der, that.der);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(der);
  }

  @Override
  public String toString() {
    return "IssuedCertificate[serial="
        + serialHex
        + ", subject="
        + subjectDn
        + ", "
        + notBefore
        + " - "
        + notAfter
        + ", "
        + keyAlgorithm
        + ", issuer="
        + issuerKeyId
        + "]";
  }
}
