package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.KeyAlgorithm;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** The configuration properties of the connection factory, validated into the CA settings. */
class ConnectionFactoryPropertiesTest {

  @Test
  void defaultsToAP256CaInAPkcs12FileInTheUserHome() throws Exception {
    CaManagedConnectionFactory factory = new CaManagedConnectionFactory();
    factory.setKeystorePassword("Secret-1");

    CaSettings settings = factory.settings();

    assertEquals(CaSettings.TokenType.PKCS12, settings.tokenType());
    assertEquals(
        Path.of(System.getProperty("user.home"), ".ca-portal", "ca", "ca.p12"),
        settings.keystorePath());
    assertEquals(KeyAlgorithm.EC_P256, settings.caKeyAlgorithm());
    assertEquals(30, settings.rootCaValidityYears());
    assertEquals(20, settings.issuingCaValidityYears());
    assertEquals("http://localhost:8080/portal/ca/ocsp", settings.ocspUrl());
  }

  @Test
  void everyPropertyHasADescriptionAndEveryNonSecretADefault() {
    for (Field field : CaManagedConnectionFactory.class.getDeclaredFields()) {
      ConfigProperty property = field.getAnnotation(ConfigProperty.class);
      if (property == null) {
        continue;
      }
      assertFalse(property.description()[0].isBlank(), field.getName());
      boolean optional =
          property.confidential()
              || field.getName().equals("pkcs11Slot")
              || field.getName().equals("previousIssuerCertificates");
      assertEquals(optional, property.defaultValue().isEmpty(), field.getName());
    }
  }

  @Test
  void expandsSystemPropertiesInTheKeystorePath() throws Exception {
    System.setProperty("ca.test.folder", "/srv/ca-test");
    CaManagedConnectionFactory factory =
        pkcs12(f -> f.setKeystorePath("${ca.test.folder}/x/ca.p12"));

    assertEquals(Path.of("/srv/ca-test/x/ca.p12"), factory.settings().keystorePath());
  }

  @Test
  void nativeCryptoIsOnUnlessSetToFalseAnUnsetSystemPropertyMeaningOn() throws Exception {
    System.setProperty("ca.test.native", "FALSE");

    assertTrue(pkcs12(f -> {}).settings().nativeCrypto());
    assertTrue(pkcs12(f -> f.setNativeCrypto("${no.such.property}")).settings().nativeCrypto());
    assertFalse(pkcs12(f -> f.setNativeCrypto("false")).settings().nativeCrypto());
    assertFalse(pkcs12(f -> f.setNativeCrypto("${ca.test.native}")).settings().nativeCrypto());
    assertInvalid("nativeCrypto", pkcs12(f -> f.setNativeCrypto("maybe")));
  }

  @Test
  void refusesAnUnknownSystemPropertyInThePath() {
    assertInvalid("keystorePath", pkcs12(f -> f.setKeystorePath("${no.such.property}/ca.p12")));
  }

  @Test
  void refusesAPasswordAliasTheServerDidNotSubstitute() {
    InvalidPropertyException refused =
        assertInvalid(
            "keystorePassword",
            pkcs12(f -> f.setKeystorePassword("${ALIAS=ca-keystore-password}")));

    assertTrue(refused.getMessage().contains("create-password-alias"), refused.getMessage());
  }

  @Test
  void refusesAMissingPasswordOrPin() {
    assertInvalid("keystorePassword", pkcs12(f -> f.setKeystorePassword(null)));
    assertInvalid("pkcs11Pin", pkcs12(f -> f.setTokenType("PKCS11")));
  }

  @Test
  void refusesSm2OnAPkcs11Token() {
    assertInvalid(
        "caKeyAlgorithm",
        pkcs12(
            f -> {
              f.setTokenType("pkcs11");
              f.setPkcs11Pin("1234");
              f.setCaKeyAlgorithm("SM2");
            }));
  }

  @Test
  void refusesUnknownTokenTypesAndAlgorithms() {
    assertInvalid("tokenType", pkcs12(f -> f.setTokenType("JKS")));
    assertInvalid("caKeyAlgorithm", pkcs12(f -> f.setCaKeyAlgorithm("DSA_1024")));
  }

  @Test
  void refusesAnIssuingCaThatWouldOutliveItsRoot() {
    assertInvalid("issuingCaValidityYears", pkcs12(f -> f.setIssuingCaValidityYears(31)));
  }

  @Test
  void refusesTheSameSubjectForRootAndIssuingCa() {
    assertInvalid(
        "issuingCaSubject",
        pkcs12(f -> f.setIssuingCaSubject(CaManagedConnectionFactory.DEFAULT_ROOT_CA_SUBJECT)));
  }

  @Test
  void refusesUrlsThatAreNotAbsolute() {
    assertInvalid("ocspUrl", pkcs12(f -> f.setOcspUrl("/portal/ca/ocsp")));
  }

  @Test
  void blankUrlsMeanNoExtension() throws Exception {
    CaSettings settings =
        pkcs12(
                f -> {
                  f.setCrlDistributionPointUrl("");
                  f.setCaIssuersUrl("  ");
                })
            .settings();

    assertNull(settings.crlDistributionPointUrl());
    assertNull(settings.caIssuersUrl());
  }

  @Test
  void readsCaSubjectsInRfc4514OrderWithTheCountryFirstInTheCertificate() throws Exception {
    CaSettings settings = pkcs12(f -> f.setRootCaSubject("CN=示例根CA,O=示例,C=CN")).settings();

    assertEquals(BCStyle.C, settings.rootCaSubject().getRDNs()[0].getFirst().getType());
    assertEquals(BCStyle.CN, settings.rootCaSubject().getRDNs()[2].getFirst().getType());
    assertEquals("CN=示例根CA,O=示例,C=CN", SubjectNames.rfc4514(settings.rootCaSubject()));
  }

  @Test
  void settingsNeverShowTheSecrets() throws Exception {
    String pkcs12 = pkcs12(f -> f.setKeystorePassword("Keystore-secret-7")).settings().toString();
    String pkcs11 =
        pkcs12(
                f -> {
                  f.setTokenType("PKCS11");
                  f.setPkcs11Pin("Pin-secret-8");
                })
            .settings()
            .toString();

    assertFalse(pkcs12.contains("Keystore-secret-7"), pkcs12);
    assertFalse(pkcs11.contains("Pin-secret-8"), pkcs11);
  }

  @Test
  void factoriesAreEqualWhenTheirPropertiesAre() {
    assertEquals(pkcs12(f -> {}), pkcs12(f -> {}));
    assertNotEquals(pkcs12(f -> {}), pkcs12(f -> f.setOcspUrl("http://ocsp.example.cn/")));
  }

  private static CaManagedConnectionFactory pkcs12(Consumer<CaManagedConnectionFactory> change) {
    CaManagedConnectionFactory factory = new CaManagedConnectionFactory();
    factory.setKeystorePassword("Secret-1");
    change.accept(factory);
    return factory;
  }

  private static InvalidPropertyException assertInvalid(
      String property, CaManagedConnectionFactory factory) {
    InvalidPropertyException refused =
        assertThrows(InvalidPropertyException.class, factory::settings);
    assertTrue(refused.getMessage().contains(" " + property + " "), refused.getMessage());
    return refused;
  }
}
