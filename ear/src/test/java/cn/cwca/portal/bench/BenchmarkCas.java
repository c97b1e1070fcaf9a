package cn.cwca.portal.bench;

import cn.cwca.portal.devserver.CaHsmTokens;
import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The benchmark's certificate authorities: one connection factory of the real adapter per CA key
 * algorithm, each with its own throw-away PKCS#12 keystore beside the portal's, and two whose keys
 * are on SoftHSM2 tokens the integration-test server made for them ({@link CaHsmTokens}).
 */
@Singleton
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-RSA_2048",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "tokenType=PKCS12",
      "keystorePath=${caportal.ca.keystore}.bench-RSA_2048.p12",
      "keystorePassword=" + BenchmarkRunner.KEYSTORE_PASSWORD,
      "caKeyAlgorithm=RSA_2048"
    })
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-EC_P256",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "tokenType=PKCS12",
      "keystorePath=${caportal.ca.keystore}.bench-EC_P256.p12",
      "keystorePassword=" + BenchmarkRunner.KEYSTORE_PASSWORD,
      "caKeyAlgorithm=EC_P256"
    })
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-SM2",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "tokenType=PKCS12",
      "keystorePath=${caportal.ca.keystore}.bench-SM2.p12",
      "keystorePassword=" + BenchmarkRunner.KEYSTORE_PASSWORD,
      "caKeyAlgorithm=SM2"
    })
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-HSM_RSA_2048",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "tokenType=PKCS11",
      "pkcs11Library=" + BenchmarkCas.SOFTHSM2_LIBRARY,
      "pkcs11SlotListIndex=1",
      "pkcs11Pin=" + CaHsmTokens.PIN,
      "caKeyAlgorithm=RSA_2048"
    })
@ConnectionFactoryDefinition(
    name = "java:app/bench/ca-HSM_EC_P256",
    interfaceName = "cn.cwca.portal.ca.CaConnectionFactory",
    resourceAdapter = "#ca-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    properties = {
      "tokenType=PKCS11",
      "pkcs11Library=" + BenchmarkCas.SOFTHSM2_LIBRARY,
      "pkcs11SlotListIndex=2",
      "pkcs11Pin=" + CaHsmTokens.PIN,
      "caKeyAlgorithm=EC_P256"
    })
public class BenchmarkCas {

  /** Debian's SoftHSM2 module (the benchmark's HSM figures need it). */
  static final String SOFTHSM2_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
}
