package cn.cwca.portal.it;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.account.PersonRegistration;
import cn.cwca.portal.rules.CreditCodes;
import cn.cwca.portal.rules.ResidentIdNumbers;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Fresh, valid identities for each test, so tests never depend on each other's data or order. */
public final class TestIdentities {

  private static final SecureRandom RANDOM = new SecureRandom();
  public static final String PASSWORD = "Passw0rdOk";
  public static final String DIVISION = "371502"; // 山东省 聊城市 东昌府区

  private TestIdentities() {}

  public static String residentId() {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(365 * 40));
    String first17 =
        "110101"
            + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", RANDOM.nextInt(1000));
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }

  public static String creditCode() {
    StringBuilder sb = new StringBuilder("91350100");
    for (int i = 0; i < 9; i++) {
      sb.append(CreditCodes.CHARSET.charAt(RANDOM.nextInt(CreditCodes.CHARSET.length())));
    }
    return sb.toString() + CreditCodes.checkCharacter(sb);
  }

  /**
   * A natural person with a resident ID, a fresh mobile number proven with the code sent to it, 聊城
   * and {@link #PASSWORD}.
   */
  public static PersonRegistration person(AccountService accounts, String name, String idNumber) {
    String mobile = mobile();
    return new PersonRegistration(
        name,
        mobile,
        IdType.RESIDENT_ID,
        idNumber,
        DIVISION,
        PASSWORD,
        PASSWORD,
        TestSms.registrationCode(accounts, mobile));
  }

  public static String mobile() {
    return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
  }
}
