package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.KeyAlgorithm;
import jakarta.resource.spi.InvalidPropertyException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The validated configuration of one CA, made from the connection factory's properties ({@link
 * #of}, which names the property that is wrong). Two factories with equal settings share one open
 * CA.
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
 * @param crlDistributionPointUrl the CRL distribution point of issued certificates, or null; may
 *     hold {@value #ISSUER_KEY_ID}
 * @param ocspUrl the OCSP responder of issued certificates, or null; may hold {@value
 *     #ISSUER_KEY_ID}
 * @param caIssuersUrl where the issuing CA certificate can be fetched, or null; may hold {@value
 *     #ISSUER_KEY_ID}
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

  /**
   * The connection factory's properties as configured, before validation ({@link #of}); the
   * password and the PIN are never shown.
   */
  record Configured(
      String tokenType,
      String keystorePath,
      String keystorePassword,
      String pkcs11Library,
      Long pkcs11Slot,
      Integer pkcs11SlotListIndex,
      String pkcs11Pin,
      String caKeyAlgorithm,
      String rootCaSubject,
      String issuingCaSubject,
      Integer rootCaValidityYears,
      Integer issuingCaValidityYears,
      String crlDistributionPointUrl,
      String ocspUrl,
      String caIssuersUrl,
      String previousIssuerCertificates,
      String nativeCrypto) {

    @Override
    public String toString() {
      return "Configured[tokenType="
          + tokenType
          + ", keystorePath="
          + keystorePath
          + ", pkcs11Library="
          + pkcs11Library
          + ", caKeyAlgorithm="
          + caKeyAlgorithm
          + "]";
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  /**
   * In a URL written into certificates: replaced by the key id of the issuing CA that signs them
   * (lower-case hexadecimal), so that each issuing CA's certificates name its own CRL.
   */
  static final String ISSUER_KEY_ID = "{issuerKeyId}";

  /**
   * The settings the connection factory's properties give.
   *
   * @throws InvalidPropertyException naming the property that is wrong
   */
  static CaSettings of(Configured c) throws InvalidPropertyException {
    TokenType type = tokenType(c.tokenType());
    KeyAlgorithm algorithm = caKeyAlgorithm(c.caKeyAlgorithm());
    X500Name root = distinguishedName("rootCaSubject", c.rootCaSubject());
    X500Name issuing = distinguishedName("issuingCaSubject", c.issuingCaSubject());
    if (root.equals(issuing)) {
      throw invalid("issuingCaSubject", "must differ from rootCaSubject");
    }
    if (c.rootCaValidityYears() == null || c.rootCaValidityYears() < 1) {
      throw invalid("rootCaValidityYears", "must be at least 1");
    }
    if (c.issuingCaValidityYears() == null
        || c.issuingCaValidityYears() < 1
        || c.issuingCaValidityYears() > c.rootCaValidityYears()) {
      throw invalid("issuingCaValidityYears", "must be between 1 and rootCaValidityYears");
    }
    boolean pkcs12 = type == TokenType.PKCS12;
    if (!pkcs12 && algorithm == KeyAlgorithm.SM2) {
      throw invalid("caKeyAlgorithm", "SM2 needs tokenType PKCS12: SunPKCS11 has no SM2");
    }
    if (!pkcs12 && (c.pkcs11SlotListIndex() == null || c.pkcs11SlotListIndex() < 0)) {
      throw invalid("pkcs11SlotListIndex", "must not be negative");
    }
    return new CaSettings(
        type,
        pkcs12 ? Path.of(expandSystemProperties("keystorePath", c.keystorePath())) : null,
        pkcs12 ? secret("keystorePassword (tokenType PKCS12)", c.keystorePassword()) : null,
        pkcs12 ? null : Path.of(expandSystemProperties("pkcs11Library", c.pkcs11Library())),
        pkcs12 ? null : c.pkcs11Slot(),
        pkcs12 ? 0 : c.pkcs11SlotListIndex(),
        pkcs12 ? null : secret("pkcs11Pin", c.pkcs11Pin()),
        algorithm,
        root,
        issuing,
        c.rootCaValidityYears(),
        c.issuingCaValidityYears(),
        url("crlDistributionPointUrl", c.crlDistributionPointUrl()),
        url("ocspUrl", c.ocspUrl()),
        url("caIssuersUrl", c.caIssuersUrl()),
        optionalPath("previousIssuerCertificates", c.previousIssuerCertificates()),
        nativeCrypto(c.nativeCrypto()));
  }

  /** A path whose unset system properties read as empty; null when it is empty. */
  private static Path optionalPath(String property, String value) throws InvalidPropertyException {
    String expanded = expandOptional(value);
    if (expanded.isEmpty()) {
      return null;
    }
    try {
      return Path.of(expanded);
    } catch (java.nio.file.InvalidPathException e) {
      throw invalid(property, "is not a path: " + expanded);
    }
  }

  /** The value with each {@code ${name}} replaced by that system property, an unset one by "". */
  private static String expandOptional(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    Matcher matcher = PLACEHOLDER.matcher(value.strip());
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          expanded, Matcher.quoteReplacement(System.getProperty(matcher.group(1), "")));
    }
    matcher.appendTail(expanded);
    return expanded.toString().strip();
  }

  private static boolean nativeCrypto(String nativeCrypto) throws InvalidPropertyException {
    return switch (expandOptional(nativeCrypto).toLowerCase(Locale.ROOT)) {
      case "", "true" -> true;
      case "false" -> false;
      default -> throw invalid("nativeCrypto", "must be true or false, not " + nativeCrypto);
    };
  }

  private static TokenType tokenType(String tokenType) throws InvalidPropertyException {
    try {
      return TokenType.valueOf(required("tokenType", tokenType).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("tokenType", "must be PKCS12 or PKCS11, not " + tokenType);
    }
  }

  private static KeyAlgorithm caKeyAlgorithm(String caKeyAlgorithm)
      throws InvalidPropertyException {
    try {
      return KeyAlgorithm.valueOf(
          required("caKeyAlgorithm", caKeyAlgorithm).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "caKeyAlgorithm",
          "must be EC_P256, EC_P384, RSA_2048, RSA_3072, RSA_4096 or SM2, not " + caKeyAlgorithm);
    }
  }

  /** Parsed as RFC 4514 (most significant last), as the JDK's X500Principal reads it. */
  private static X500Name distinguishedName(String property, String value)
      throws InvalidPropertyException {
    try {
      return X500Name.getInstance(new X500Principal(required(property, value)).getEncoded());
    } catch (IllegalArgumentException e) {
      throw invalid(property, "is not a distinguished name (RFC 4514): " + value);
    }
  }

  private static String url(String property, String value) throws InvalidPropertyException {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(value.strip().replace(ISSUER_KEY_ID, "0"));
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw invalid(property, "must be an absolute URL: " + value);
      }
      return value.strip();
    } catch (URISyntaxException e) {
      throw invalid(property, "is not a URL: " + value);
    }
  }

  /** A password or PIN: present, and not a placeholder the server failed to substitute. */
  private static String secret(String property, String value) throws InvalidPropertyException {
    if (value == null || value.isEmpty()) {
      throw invalid(property, "is not set: give a Payara password alias, ${ALIAS=name}");
    }
    if (PLACEHOLDER.matcher(value).find()) {
      throw invalid(
          property,
          "is an unresolved placeholder: create the password alias it names (asadmin"
              + " create-password-alias) or check its spelling");
    }
    return value;
  }

  /** Replaces {@code ${name}} with the system property {@code name}; unknown names are errors. */
  private static String expandSystemProperties(String property, String value)
      throws InvalidPropertyException {
    Matcher matcher = PLACEHOLDER.matcher(required(property, value));
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      String replacement = System.getProperty(matcher.group(1));
      if (replacement == null) {
        throw invalid(property, "names an unknown system property: " + matcher.group());
      }
      matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(expanded);
    return expanded.toString();
  }

  private static String required(String property, String value) throws InvalidPropertyException {
    if (value == null || value.isBlank()) {
      throw invalid(property, "is not set");
    }
    return value.strip();
  }

  private static InvalidPropertyException invalid(String property, String problem) {
    return new InvalidPropertyException(
        "CA connection factory property " + property + " " + problem);
  }

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
