package cn.cwca.portal.bench;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The benchmark's certificate authorities: one connection factory of the real adapter per CA key
 * algorithm, each with its own throw-away PKCS#12 keystore beside the portal's.
 */
@Singleton
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-RSA_2048",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "TokenType=PKCS12",
      "KeystorePath=${caportal.ca.keystore}.bench-RSA_2048.p12",
      "KeystorePassword=" + BenchmarkRunner.KEYSTORE_PASSWORD,
      "CaKeyAlgorithm=RSA_2048"
    })
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-EC_P256",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "TokenType=PKCS12",
      "KeystorePath=${caportal.ca.keystore}.bench-EC_P256.p12",
      "KeystorePassword=" + BenchmarkRunner.KEYSTORE_PASSWORD,
      "CaKeyAlgorithm=EC_P256"
    })
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-SM2",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "TokenType=PKCS12",
      "KeystorePath=${caportal.ca.keystore}.bench-SM2.p12",
      "KeystorePassword=" + BenchmarkRunner.KEYSTORE_PASSWORD,
      "CaKeyAlgorithm=SM2"
    })
public class BenchmarkCas {}
