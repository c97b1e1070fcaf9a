package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The configuration of one CA and the factory of its connections. Every property has a description
 * and, except the secrets, a default; the secrets are plain String properties so that Payara can
 * substitute a password alias ({@code ${ALIAS=ca-keystore-password}}), and are never logged. Two
 * factories are equal when their properties are.
 */
@ConnectionDefinition(
    connectionFactory = CaConnectionFactory.class,
    connectionFactoryImpl = CaConnectionFactoryImpl.class,
    connection = CaConnection.class,
    connectionImpl = CaConnectionHandle.class)
public class CaManagedConnectionFactory
    implements ManagedConnectionFactory,
        ResourceAdapterAssociation,
        TransactionSupport,
        ValidatingManagedConnectionFactory {

  private static final long serialVersionUID = 1L;

  static final String DEFAULT_TOKEN_TYPE = "PKCS12";
  static final String DEFAULT_KEYSTORE_PATH = "${user.home}/.ca-portal/ca/ca.p12";
  static final String DEFAULT_PKCS11_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
  static final String DEFAULT_CA_KEY_ALGORITHM = "EC_P256";
  static final String DEFAULT_ROOT_CA_SUBJECT = "CN=CA Portal Root CA,O=CA Portal,C=CN";
  static final String DEFAULT_ISSUING_CA_SUBJECT = "CN=CA Portal Issuing CA,O=CA Portal,C=CN";
  static final String DEFAULT_CRL_URL = "http://localhost:8080/portal/ca/crl/{issuerKeyId}.crl";
  static final String DEFAULT_OCSP_URL = "http://localhost:8080/portal/ca/ocsp";
  static final String DEFAULT_CA_ISSUERS_URL =
      "http://localhost:8080/portal/ca/issuer/{issuerKeyId}.cer";

  @ConfigProperty(
      description = "Where the CA keys are: PKCS12 (a password-protected file) or PKCS11 (an HSM)",
      defaultValue = DEFAULT_TOKEN_TYPE)
  private String tokenType = DEFAULT_TOKEN_TYPE;

  @ConfigProperty(
      description =
          "PKCS12: the keystore file; created with a new CA on first start if missing."
              + " ${system.property} references are expanded",
      defaultValue = DEFAULT_KEYSTORE_PATH)
  private String keystorePath = DEFAULT_KEYSTORE_PATH;

  @ConfigProperty(
      description =
          "PKCS12: the keystore password; give a Payara password alias, ${ALIAS=name}, never the"
              + " password itself",
      confidential = true)
  private String keystorePassword;

  @ConfigProperty(
      description = "PKCS11: the path of the PKCS#11 module (the HSM vendor's library)",
      defaultValue = DEFAULT_PKCS11_LIBRARY)
  private String pkcs11Library = DEFAULT_PKCS11_LIBRARY;

  @ConfigProperty(
      description =
          "PKCS11: the slot id of the token; when not set, pkcs11SlotListIndex chooses the slot"
              + " (SunPKCS11 cannot choose a token by its label)")
  private Long pkcs11Slot;

  @ConfigProperty(
      description = "PKCS11: the index of the token's slot in the module's slot list",
      defaultValue = "0")
  private Integer pkcs11SlotListIndex = 0;

  @ConfigProperty(
      description = "PKCS11: the user PIN; give a Payara password alias, ${ALIAS=name}",
      confidential = true)
  private String pkcs11Pin;

  @ConfigProperty(
      description =
          "The key algorithm of a CA created on first start: EC_P256, EC_P384, RSA_2048,"
              + " RSA_3072, RSA_4096 or SM2 (PKCS12 only). An existing CA keeps its own",
      defaultValue = DEFAULT_CA_KEY_ALGORITHM)
  private String caKeyAlgorithm = DEFAULT_CA_KEY_ALGORITHM;

  @ConfigProperty(
      description = "The subject (RFC 4514) of a root CA created on first start",
      defaultValue = DEFAULT_ROOT_CA_SUBJECT)
  private String rootCaSubject = DEFAULT_ROOT_CA_SUBJECT;

  @ConfigProperty(
      description = "The subject (RFC 4514) of an issuing CA created on first start",
      defaultValue = DEFAULT_ISSUING_CA_SUBJECT)
  private String issuingCaSubject = DEFAULT_ISSUING_CA_SUBJECT;

  @ConfigProperty(
      description = "The validity in years of a root CA created on first start",
      defaultValue = "30")
  private Integer rootCaValidityYears = 30;

  @ConfigProperty(
      description =
          "The validity in years of an issuing CA created on first start (at most the root's)",
      defaultValue = "20")
  private Integer issuingCaValidityYears = 20;

  @ConfigProperty(
      description =
          "The CRL distribution point URL written into issued certificates; {issuerKeyId} is"
              + " replaced with the key id of the issuing CA that signs them; empty for none",
      defaultValue = DEFAULT_CRL_URL)
  private String crlDistributionPointUrl = DEFAULT_CRL_URL;

  @ConfigProperty(
      description = "The OCSP responder URL written into issued certificates (AIA); empty for none",
      defaultValue = DEFAULT_OCSP_URL)
  private String ocspUrl = DEFAULT_OCSP_URL;

  @ConfigProperty(
      description =
          "The URL of the issuing CA certificate written into issued certificates (AIA"
              + " caIssuers); {issuerKeyId} is replaced with the key id of the issuing CA that"
              + " signs them; empty for none",
      defaultValue = DEFAULT_CA_ISSUERS_URL)
  private String caIssuersUrl = DEFAULT_CA_ISSUERS_URL;

  @ConfigProperty(
      description =
          "A PEM file of earlier issuing CA certificates whose certificates this CA recognises"
              + " as its own (certificates issued before this system, read from a user's key);"
              + " ${name} is replaced with a system property, and an unset one or an empty"
              + " value means none",
      defaultValue = "")
  private String previousIssuerCertificates = "";

  @ConfigProperty(
      description =
          "true or false: whether RSA and ECDSA signatures with a PKCS12 key, and the check of"
              + " requests' RSA and ECDSA signatures, run in AWS-LC (Amazon Corretto Crypto"
              + " Provider) where its native library loads (Linux x86-64); false: the JDK and"
              + " Bouncy Castle only. ${name} is replaced with a system property; an unset one"
              + " means true",
      defaultValue = "true")
  private String nativeCrypto = "true";

  private transient CaResourceAdapter resourceAdapter;
  private transient PrintWriter logWriter;

  @Override
  public Object createConnectionFactory(ConnectionManager connectionManager) {
    return new CaConnectionFactoryImpl(this, connectionManager);
  }

  /** Outside a container: connections are made on demand and destroyed when closed. */
  @Override
  public Object createConnectionFactory() {
    return new CaConnectionFactoryImpl(this, new UnpooledConnectionManager());
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    if (resourceAdapter == null) {
      throw new ResourceAdapterInternalException(
          "the connection factory is not associated with the CA resource adapter");
    }
    try {
      return new CaManagedConnection(this, resourceAdapter.authorityFor(settings()));
    } catch (InvalidPropertyException e) {
      InvalidPropertyException described =
          new InvalidPropertyException(e.getMessage() + " (settings: " + this + ")");
      described.initCause(e);
      throw described;
    }
  }

  /** Any idle connection of this factory will do: they are all alike. */
  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set connections, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : connections) {
      if (candidate instanceof CaManagedConnection connection && connection.belongsTo(this)) {
        return connection;
      }
    }
    return null;
  }

  /** Connections whose CA was closed (the adapter stopped), for the pool to discard. */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Set getInvalidConnections(Set connections) {
    Set invalid = new HashSet<>();
    for (Object candidate : connections) {
      if (candidate instanceof CaManagedConnection connection && !connection.isValid()) {
        invalid.add(connection);
      }
    }
    return invalid;
  }

  @Override
  public TransactionSupportLevel getTransactionSupport() {
    return TransactionSupportLevel.NoTransaction;
  }

  /**
   * The validated settings.
   *
   * @throws InvalidPropertyException naming the property that is wrong
   */
  CaSettings settings() throws InvalidPropertyException {
    return CaSettings.of(
        new CaSettings.Configured(
            tokenType,
            keystorePath,
            keystorePassword,
            pkcs11Library,
            pkcs11Slot,
            pkcs11SlotListIndex,
            pkcs11Pin,
            caKeyAlgorithm,
            rootCaSubject,
            issuingCaSubject,
            rootCaValidityYears,
            issuingCaValidityYears,
            crlDistributionPointUrl,
            ocspUrl,
            caIssuersUrl,
            previousIssuerCertificates,
            nativeCrypto));
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof CaResourceAdapter caAdapter)) {
      throw new ResourceAdapterInternalException("not the CA resource adapter: " + adapter);
    }
    this.resourceAdapter = caAdapter;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  public String getTokenType() {
    return tokenType;
  }

  public void setTokenType(String tokenType) {
    this.tokenType = tokenType;
  }

  public String getKeystorePath() {
    return keystorePath;
  }

  public void setKeystorePath(String keystorePath) {
    this.keystorePath = keystorePath;
  }

  public String getKeystorePassword() {
    return keystorePassword;
  }

  public void setKeystorePassword(String keystorePassword) {
    this.keystorePassword = keystorePassword;
  }

  public String getPkcs11Library() {
    return pkcs11Library;
  }

  public void setPkcs11Library(String pkcs11Library) {
    this.pkcs11Library = pkcs11Library;
  }

  public Long getPkcs11Slot() {
    return pkcs11Slot;
  }

  public void setPkcs11Slot(Long pkcs11Slot) {
    this.pkcs11Slot = pkcs11Slot;
  }

  public Integer getPkcs11SlotListIndex() {
    return pkcs11SlotListIndex;
  }

  public void setPkcs11SlotListIndex(Integer pkcs11SlotListIndex) {
    this.pkcs11SlotListIndex = pkcs11SlotListIndex;
  }

  public String getPkcs11Pin() {
    return pkcs11Pin;
  }

  public void setPkcs11Pin(String pkcs11Pin) {
    this.pkcs11Pin = pkcs11Pin;
  }

  public String getCaKeyAlgorithm() {
    return caKeyAlgorithm;
  }

  public void setCaKeyAlgorithm(String caKeyAlgorithm) {
    this.caKeyAlgorithm = caKeyAlgorithm;
  }

  public String getRootCaSubject() {
    return rootCaSubject;
  }

  public void setRootCaSubject(String rootCaSubject) {
    this.rootCaSubject = rootCaSubject;
  }

  public String getIssuingCaSubject() {
    return issuingCaSubject;
  }

  public void setIssuingCaSubject(String issuingCaSubject) {
    this.issuingCaSubject = issuingCaSubject;
  }

  public Integer getRootCaValidityYears() {
    return rootCaValidityYears;
  }

  public void setRootCaValidityYears(Integer rootCaValidityYears) {
    this.rootCaValidityYears = rootCaValidityYears;
  }

  public Integer getIssuingCaValidityYears() {
    return issuingCaValidityYears;
  }

  public void setIssuingCaValidityYears(Integer issuingCaValidityYears) {
    this.issuingCaValidityYears = issuingCaValidityYears;
  }

  public String getCrlDistributionPointUrl() {
    return crlDistributionPointUrl;
  }

  public void setCrlDistributionPointUrl(String crlDistributionPointUrl) {
    this.crlDistributionPointUrl = crlDistributionPointUrl;
  }

  public String getOcspUrl() {
    return ocspUrl;
  }

  public void setOcspUrl(String ocspUrl) {
    this.ocspUrl = ocspUrl;
  }

  public String getCaIssuersUrl() {
    return caIssuersUrl;
  }

  public void setCaIssuersUrl(String caIssuersUrl) {
    this.caIssuersUrl = caIssuersUrl;
  }

  public String getPreviousIssuerCertificates() {
    return previousIssuerCertificates;
  }

  public void setPreviousIssuerCertificates(String previousIssuerCertificates) {
    this.previousIssuerCertificates = previousIssuerCertificates;
  }

  public String getNativeCrypto() {
    return nativeCrypto;
  }

  public void setNativeCrypto(String nativeCrypto) {
    this.nativeCrypto = nativeCrypto;
  }

  /** The settings as given, without the password and the PIN. */
  @Override
  public String toString() {
    return "CaManagedConnectionFactory[tokenType="
        + tokenType
        + ", keystorePath="
        + keystorePath
        + ", pkcs11Library="
        + pkcs11Library
        + ", pkcs11Slot="
        + pkcs11Slot
        + ", pkcs11SlotListIndex="
        + pkcs11SlotListIndex
        + ", caKeyAlgorithm="
        + caKeyAlgorithm
        + ", previousIssuerCertificates="
        + previousIssuerCertificates
        + ", nativeCrypto="
        + nativeCrypto
        + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaManagedConnectionFactory that
        && Objects.equals(tokenType, that.tokenType)
        && Objects.equals(keystorePath, that.keystorePath)
        && Objects.equals(keystorePassword, that.keystorePassword)
        && Objects.equals(pkcs11Library, that.pkcs11Library)
        && Objects.equals(pkcs11Slot, that.pkcs11Slot)
        && Objects.equals(pkcs11SlotListIndex, that.pkcs11SlotListIndex)
        && Objects.equals(pkcs11Pin, that.pkcs11Pin)
        && Objects.equals(caKeyAlgorithm, that.caKeyAlgorithm)
        && Objects.equals(rootCaSubject, that.rootCaSubject)
        && Objects.equals(issuingCaSubject, that.issuingCaSubject)
        && Objects.equals(rootCaValidityYears, that.rootCaValidityYears)
        && Objects.equals(issuingCaValidityYears, that.issuingCaValidityYears)
        && Objects.equals(crlDistributionPointUrl, that.crlDistributionPointUrl)
        && Objects.equals(ocspUrl, that.ocspUrl)
        && Objects.equals(caIssuersUrl, that.caIssuersUrl)
        && Objects.equals(previousIssuerCertificates, that.previousIssuerCertificates)
        && Objects.equals(nativeCrypto, that.nativeCrypto);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokenType, keystorePath, pkcs11Library, pkcs11Slot, caKeyAlgorithm);
  }
}
