package cn.cwca.portal.certificate;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Wires the CA resource adapter packaged in this EAR ({@code ca-connector-rar.rar}) as a connection
 * factory. The settings are the server's, not the code's: the keystore path comes from the system
 * property {@code caportal.ca.keystore} and its password from the Payara password alias {@code
 * caportal-ca-keystore-password} (with {@code caportal.ca.tokenType=PKCS11}: the PKCS#11 module
 * from {@code caportal.ca.pkcs11Library}, the token in the first slot, and the alias holds its user
 * PIN); the URLs written into certificates from {@code caportal.ca.baseUrl}, the CRL and CA
 * certificate per issuing CA ({@code {issuerKeyId}}, which the adapter fills in); the earlier
 * issuing CAs whose certificates it recognises (on users' keys from before this system) from the
 * PEM file named by {@code caportal.ca.previousIssuers}, if set; RSA and ECDSA in AWS-LC unless
 * {@code caportal.ca.nativeCrypto} is false. No transaction support: a signature cannot be rolled
 * back; the registry row written beside it in the caller's JTA transaction can (see
 * CertificateService).
 */
// Property names are the adapter's field names, first letter lower case: Payara 6 ignores a
// property whose case differs from the adapter's (seen with TokenType=PKCS11).
@Singleton
@ConnectionFactoryDefinition(
    name = CaConnectorDefinition.JNDI_NAME,
    description = "The certificate authority (CA connector resource adapter)",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "tokenType=${caportal.ca.tokenType}",
      "keystorePath=${caportal.ca.keystore}",
      "keystorePassword=${ALIAS=caportal-ca-keystore-password}",
      "pkcs11Library=${caportal.ca.pkcs11Library}",
      "pkcs11Pin=${ALIAS=caportal-ca-keystore-password}",
      "caKeyAlgorithm=${caportal.ca.keyAlgorithm}",
      "crlDistributionPointUrl=${caportal.ca.baseUrl}/crl/{issuerKeyId}.crl",
      "ocspUrl=${caportal.ca.baseUrl}/ocsp",
      "caIssuersUrl=${caportal.ca.baseUrl}/issuer/{issuerKeyId}.cer",
      "previousIssuerCertificates=${caportal.ca.previousIssuers}",
      "nativeCrypto=${caportal.ca.nativeCrypto}"
    })
public class CaConnectorDefinition {
  public static final String JNDI_NAME = "java:app/ca/CaConnectionFactory";
}
