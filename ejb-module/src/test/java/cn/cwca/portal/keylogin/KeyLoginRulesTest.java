package cn.cwca.portal.keylogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Role;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.common.BusinessException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyLoginRulesTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 8, 0);

  private static final ResourceBundle MESSAGES =
      ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);

  @Test
  void anyRoleRequiringTheKeyRequiresItOfTheStaffMember() {
    Set<Role> requiring = Set.of(Role.FINANCE);
    assertTrue(KeyLoginRules.keyRequired(Set.of(Role.REVIEWER, Role.FINANCE), requiring));
    assertFalse(KeyLoginRules.keyRequired(Set.of(Role.REVIEWER, Role.OPERATOR), requiring));
    assertFalse(KeyLoginRules.keyRequired(Set.of(Role.ADMIN), Set.of()));
  }

  @Test
  void aTypedSerialIsSpelledAsTheRegistrySpellsIt() {
    assertEquals("8f3a01", KeyLoginRules.serial(" 0x008F3A01 "));
    assertEquals("8f3a01", KeyLoginRules.serial("8f:3a:01"));
    assertEquals("0", KeyLoginRules.serial("000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"8f3g01", "序列号", "12345678901234567890123456789012345678901"})
  void refusesASerialThatIsNotHexOfAtMostTwentyBytes(String typed) {
    BusinessException refusal =
        assertThrows(BusinessException.class, () -> KeyLoginRules.serial(typed));
    assertEquals("keyLogin.serial", refusal.messageKey());
  }

  @Test
  void refusesAMissingSerial() {
    assertEquals(
        "validation.required",
        assertThrows(BusinessException.class, () -> KeyLoginRules.serial("  ")).messageKey());
  }

  @Test
  void aValidCertificateOfThisCaProvesALogin() {
    assertEquals(Optional.empty(), KeyLoginRules.refusal(certificate(), true, NOW));
  }

  @Test
  void aRevokedCertificateIsRefusedAsRevoked() {
    CertificateRecord revoked = certificate();
    revoked.revoke("KEY_COMPROMISE", NOW.minusDays(1));
    assertEquals(Optional.of("keyLogin.revoked"), KeyLoginRules.refusal(revoked, true, NOW));
    assertEquals("证书已吊销，不能用于登录，请联系系统管理员", MESSAGES.getString("keyLogin.revoked"));
  }

  @Test
  void anExpiredOrNotYetValidCertificateIsRefused() {
    assertEquals(
        Optional.of("keyLogin.certificateExpired"),
        KeyLoginRules.refusal(certificate(), true, NOW.plusYears(2)));
    assertEquals(
        Optional.of("keyLogin.certificateExpired"),
        KeyLoginRules.refusal(certificate(), true, NOW.minusYears(1)));
  }

  @Test
  void aCertificateOfAnotherCaOrNoneIsRefused() {
    assertEquals(
        Optional.of("keyLogin.notThisCa"), KeyLoginRules.refusal(certificate(), false, NOW));
    assertEquals(
        Optional.of("keyLogin.certificateUnknown"), KeyLoginRules.refusal(null, true, NOW));
  }

  @Test
  void theSerialForTheAgentIsTheCertificatesOwnInLowerCaseHex() throws Exception {
    BigInteger serial = new BigInteger("00ab12cd", 16);
    assertEquals("ab12cd", KeyLoginRules.serialOf(der(serial)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "login.disabled",
        "keyLogin.serial",
        "keyLogin.notBound",
        "keyLogin.expired",
        "keyLogin.certificateUnknown",
        "keyLogin.notThisCa",
        "keyLogin.revoked",
        "keyLogin.certificateExpired",
        "keyLogin.proofInvalid"
      })
  void everyRefusalHasAChineseText(String key) {
    assertTrue(MESSAGES.containsKey(key), key);
    assertTrue(
        MESSAGES.getString(key).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), key);
  }

  @Test
  void theDisabledAccountsMessageIsTheIssues() {
    assertEquals("账号已停用，请联系系统管理员", MESSAGES.getString("login.disabled"));
  }

  @Test
  void theLoginsPurposeIsItsOwn() {
    assertEquals("caportal-staff-login-v1", KeyLoginRules.PURPOSE);
  }

  /** A registry row valid from a month before NOW for a year. */
  private static CertificateRecord certificate() {
    return new CertificateRecord(
        new CertificateRecord.Issued(
            "7f01",
            "CN=王财务,C=CN",
            "zhang.staff",
            "NATURAL_PERSON",
            "EC_P256",
            NOW.minusMonths(1),
            NOW.minusMonths(1).plusYears(1),
            new byte[] {1},
            null),
        NOW.minusMonths(1));
  }

  private static byte[] der(BigInteger serial) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Test");
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
            name, serial, Date.from(now), Date.from(now.plusSeconds(3600)), name, pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
        .getEncoded();
  }
}
