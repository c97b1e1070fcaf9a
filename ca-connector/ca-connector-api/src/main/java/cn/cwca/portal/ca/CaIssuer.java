package cn.cwca.portal.ca;

import java.util.Objects;

/**
 * An issuing CA whose key the CA holds: the current one, which issues, or an earlier one kept after
 * a rollover, which still signs the CRL and the OCSP answers of the certificates it issued.
 *
 * @param keyId the CA's key identifier (its subject key identifier, the authority key identifier of
 *     what it signs) in lower-case hexadecimal; for the CA's own keys the SHA-1 of its public key
 *     (RFC 5280 section 4.2.1.2, method 1), 40 digits
 * @param certificateDer the DER encoding of its certificate
 * @param current whether it is the issuing CA that issues new certificates
 */
public record CaIssuer(String keyId, byte[] certificateDer, boolean current) {

  public CaIssuer {
    Objects.requireNonNull(keyId, "keyId");
    certificateDer = Objects.requireNonNull(certificateDer, "certificateDer").clone();
  }

  @Override
  public byte[] certificateDer() {
    return certificateDer.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaIssuer that
        && keyId.equals(that.keyId)
        && current == that.current
        && java.util.Arrays.equals(certificateDer, that.certificateDer);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode();
  }

  @Override
  public String toString() {
    return "CaIssuer[" + keyId + (current ? ", current]" : "]");
  }
}
