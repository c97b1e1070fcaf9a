package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final LocalDateTime REGISTERED = LocalDateTime.of(2026, 11, 24, 8, 0);

  private static Account organisation() {
    return Account.organisation(
        "聊城示例有限公司",
        "91350100M000100Y43",
        "371502",
        "13800138000",
        "张三",
        "Passw0rdX".toCharArray(),
        REGISTERED);
  }

  @Test
  void aRegisteredPersonLogsInWithTheIdNumberAsApplicant() {
    Account person =
        Account.naturalPerson(
            "李四",
            "13900139000",
            IdType.RESIDENT_ID,
            "32010219700104000X",
            "320102",
            "Passw0rdX".toCharArray(),
            REGISTERED);
    assertEquals(AccountType.NATURAL_PERSON, person.getType());
    assertEquals("32010219700104000X", person.getLoginName());
    assertEquals(Set.of(Role.APPLICANT), person.getRoles());
    assertNull(person.getLegalRepresentative());
    assertEquals(REGISTERED, person.getCreatedAt());
  }

  @Test
  void keepsOnlyAHashOfThePassword() {
    Account account = organisation();
    assertTrue(account.passwordMatches("Passw0rdX".toCharArray()));
    assertFalse(account.passwordMatches("Passw0rdY".toCharArray()));
  }

  @Test
  void changingThePasswordReplacesTheOldOne() {
    Account account = organisation();
    account.changePassword("NewPassw0rd".toCharArray(), REGISTERED.plusDays(1));
    assertTrue(account.passwordMatches("NewPassw0rd".toCharArray()));
    assertFalse(account.passwordMatches("Passw0rdX".toCharArray()));
    assertEquals(REGISTERED.plusDays(1), account.getUpdatedAt());
  }

  @Test
  void aProfileUpdateReportsEachChangedFieldWithOldAndNewValue() {
    Account account = organisation();
    Map<String, String> changes = account.updateProfile("聊城新名称有限公司", "王五", REGISTERED.plusDays(2));
    assertEquals(
        Map.of("displayName", "聊城示例有限公司 -> 聊城新名称有限公司", "legalRepresentative", "张三 -> 王五"), changes);
    assertEquals("13800138000", account.getMobile(), "the mobile changes only with a code");
    assertEquals("王五", account.getLegalRepresentative());
    assertEquals(REGISTERED.plusDays(2), account.getUpdatedAt());
  }

  @Test
  void aChangedLegalRepresentativeRecordsWhenItChanged() {
    Account account = organisation();
    assertNull(account.getLegalRepresentativeChangedAt(), "registered, never changed");
    assertFalse(account.legalRepresentativeChangedAfter(REGISTERED.minusYears(1)));

    account.updateProfile("聊城示例有限公司", "张三", REGISTERED.plusDays(1));
    assertNull(account.getLegalRepresentativeChangedAt(), "only the mobile changed");

    account.updateProfile("聊城示例有限公司", "王五", REGISTERED.plusDays(2));
    account.updateProfile("聊城新名称有限公司", "王五", REGISTERED.plusDays(3));
    assertEquals(REGISTERED.plusDays(2), account.getLegalRepresentativeChangedAt());
    assertTrue(account.legalRepresentativeChangedAfter(REGISTERED.plusDays(1)));
    assertFalse(
        account.legalRepresentativeChangedAfter(REGISTERED.plusDays(2)), "not after itself");
    assertFalse(account.legalRepresentativeChangedAfter(null));
  }

  @Test
  void anUnchangedProfileReportsNothing() {
    Account account = organisation();
    assertTrue(account.updateProfile("聊城示例有限公司", "张三", REGISTERED.plusDays(1)).isEmpty());
    assertEquals(REGISTERED, account.getUpdatedAt());
  }

  @Test
  void aPersonHasNoLegalRepresentativeToChange() {
    Account person =
        Account.naturalPerson(
            "李四",
            "13900139000",
            IdType.PASSPORT,
            "E12345678",
            "320102",
            "Passw0rdX".toCharArray(),
            REGISTERED);
    assertEquals(Map.of(), person.updateProfile("李四", "王五", REGISTERED));
    assertNull(person.getLegalRepresentative());
    assertNull(person.getLegalRepresentativeChangedAt());
  }

  @Test
  void rolesCannotBeChangedFromOutside() {
    Account staff =
        Account.staff(
            "admin",
            "管理员",
            "13800138000",
            Set.of(Role.ADMIN),
            "Passw0rdX".toCharArray(),
            REGISTERED);
    assertTrue(staff.hasRole(Role.ADMIN));
    assertThrows(UnsupportedOperationException.class, () -> staff.getRoles().add(Role.REVIEWER));
  }

  @Test
  void aPasswordChangeRaisesTheCredentialsVersion() {
    Account account = organisation();
    int before = account.getCredentialsVersion();
    account.changePassword("Another0Pass".toCharArray(), REGISTERED.plusDays(1));
    assertEquals(before + 1, account.getCredentialsVersion());
    assertTrue(account.passwordMatches("Another0Pass".toCharArray()));
  }

  @Test
  void aMobileNumberReboundByTheStaffEndsTheSessions() {
    Account account = organisation();
    int before = account.getCredentialsVersion();
    account.rebindMobile("13900139000", REGISTERED.plusDays(2));
    assertEquals("13900139000", account.getMobile());
    assertEquals(before + 1, account.getCredentialsVersion());
    assertTrue(account.passwordMatches("Passw0rdX".toCharArray()), "the password stays");
  }

  @Test
  void anOrganisationHandedOverKeepsItsLoginNameAndTakesTheClaimantsData() {
    Account account = organisation();
    int before = account.getCredentialsVersion();
    LocalDateTime now = REGISTERED.plusDays(3);
    account.handOver("聊城真实有限公司", "李法人", "13900139000", "0neTimePassX".toCharArray(), now);
    assertEquals("91350100M000100Y43", account.getLoginName());
    assertEquals("聊城真实有限公司", account.getDisplayName());
    assertEquals("李法人", account.getLegalRepresentative());
    assertEquals(now, account.getLegalRepresentativeChangedAt());
    assertEquals("13900139000", account.getMobile());
    assertTrue(account.passwordMatches("0neTimePassX".toCharArray()));
    assertFalse(account.passwordMatches("Passw0rdX".toCharArray()), "the old password is gone");
    assertEquals(before + 1, account.getCredentialsVersion(), "the old holder's sessions end");
    assertFalse(account.isMustChangePassword(), "applicants change it in the personal centre");
  }

  @Test
  void aHandOverWithTheSameLegalRepresentativeKeepsWhenItLastChanged() {
    Account account = organisation();
    account.handOver("聊城真实有限公司", "张三", "13900139000", "0neTimePassX".toCharArray(), REGISTERED);
    assertNull(account.getLegalRepresentativeChangedAt());
  }

  @Test
  void onlyAnOrganisationIsHandedOver() {
    Account person =
        Account.naturalPerson(
            "李四",
            "13900139000",
            IdType.RESIDENT_ID,
            "32010219700104000X",
            "320102",
            "Passw0rdX".toCharArray(),
            REGISTERED);
    assertThrows(
        IllegalStateException.class,
        () -> person.handOver("某某", "某某", "13700137000", "0neTimePassX".toCharArray(), REGISTERED));
  }
}
