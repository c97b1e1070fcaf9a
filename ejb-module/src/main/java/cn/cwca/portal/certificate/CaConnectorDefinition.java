package cn.cwca.portal.certificate;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Wires the CA resource adapter packaged in this EAR ({@code ca-connector-rar.rar}) as a connection
 * factory. The settings are the server's, not the code's: the keystore path comes from the system
 * property {@code caportal.ca.keystore} and its password from the Payara password alias {@code
 * caportal-ca-keystore-password}; the URLs written into certificates from {@code
 * caportal.ca.baseUrl}. No transaction support: a signature cannot be rolled back; the registry row
 * written beside it in the caller's JTA transaction can (see CertificateService).
 */
@Singleton
@ConnectionFactoryDefinition(
    name = CaConnectorDefinition.JNDI_NAME,
    description = "The certificate authority (CA connector resource adapter)",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "TokenType=${caportal.ca.tokenType}",
      "KeystorePath=${caportal.ca.keystore}",
      "KeystorePassword=${ALIAS=caportal-ca-keystore-password}",
      "CaKeyAlgorithm=${caportal.ca.keyAlgorithm}",
      "CrlDistributionPointUrl=${caportal.ca.baseUrl}/issuing-ca.crl",
      "OcspUrl=${caportal.ca.baseUrl}/ocsp",
      "CaIssuersUrl=${caportal.ca.baseUrl}/issuing-ca.cer"
    })
public class CaConnectorDefinition {
  public static final String JNDI_NAME = "java:app/ca/CaConnectionFactory";
}
