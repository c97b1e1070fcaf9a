package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import java.nio.file.Path;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The validated configuration of one CA, made from the connection factory's properties. Two
 * factories with equal settings share one open CA.
 *
 * @param tokenType where the keys are
 * @param keystorePath the PKCS#12 file (token type PKCS12)
 * @param keystorePassword its password (token type PKCS12)
 * @param pkcs11Library the PKCS#11 module (token type PKCS11)
 * @param pkcs11Slot the slot id, or null to use {@code pkcs11SlotListIndex}
 * @param pkcs11SlotListIndex the index in the module's slot list
 * @param pkcs11Pin the user PIN (token type PKCS11)
 * @param caKeyAlgorithm the algorithm of the keys of a CA created on first start
 * @param rootCaSubject the subject of a root CA created on first start
 * @param issuingCaSubject the subject of an issuing CA created on first start
 * @param rootCaValidityYears the validity of a root CA created on first start
 * @param issuingCaValidityYears the validity of an issuing CA created on first start
 * @param crlDistributionPointUrl the CRL distribution point of issued certificates, or null
 * @param ocspUrl the OCSP responder of issued certificates, or null
 * @param caIssuersUrl where the issuing CA certificate can be fetched, or null
 * @param previousIssuersPath a PEM file of earlier issuing CA certificates whose certificates count
 *     as this CA's, or null
 * @param nativeCrypto whether RSA and ECDSA may run in AWS-LC (software keys, request checks) where
 *     it loads
 */
record CaSettings(
    TokenType tokenType,
    Path keystorePath,
    String keystorePassword,
    Path pkcs11Library,
    Long pkcs11Slot,
    int pkcs11SlotListIndex,
    String pkcs11Pin,
    KeyAlgorithm caKeyAlgorithm,
    X500Name rootCaSubject,
    X500Name issuingCaSubject,
    int rootCaValidityYears,
    int issuingCaValidityYears,
    String crlDistributionPointUrl,
    String ocspUrl,
    String caIssuersUrl,
    Path previousIssuersPath,
    boolean nativeCrypto) {

  /** Where the CA keys are kept. */
  enum TokenType {
    /** A password-protected PKCS#12 file. */
    PKCS12,
    /** An HSM (or SoftHSM2) through PKCS#11. */
    PKCS11
  }

  /** Never shows the password or the PIN. */
  @Override
  public String toString() {
    String token =
        tokenType == TokenType.PKCS12
            ? "keystorePath=" + keystorePath
            : "pkcs11Library="
                + pkcs11Library
                + (pkcs11Slot != null
                    ? ", slot=" + pkcs11Slot
                    : ", slotListIndex=" + pkcs11SlotListIndex);
    return "CaSettings["
        + tokenType
        + ", "
        + token
        + ", caKeyAlgorithm="
        + caKeyAlgorithm
        + ", rootCaSubject="
        + rootCaSubject
        + ", issuingCaSubject="
        + issuingCaSubject
        + ", crl="
        + crlDistributionPointUrl
        + ", ocsp="
        + ocspUrl
        + ", caIssuers="
        + caIssuersUrl
        + ", previousIssuers="
        + previousIssuersPath
        + ", nativeCrypto="
        + nativeCrypto
        + "]";
  }
}
