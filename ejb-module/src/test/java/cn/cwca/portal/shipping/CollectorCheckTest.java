package cn.cwca.portal.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.rules.ResidentIdNumbers;
import cn.cwca.portal.shipping.CollectorCheck.Result;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The counter's hand-over: the ID card must name the 取证人 the applicant entered. */
class CollectorCheckTest {

  /** A resident ID ending in X (check character of these 17 digits). */
  private static final String ID_X = withCheck("11010519491231002");

  private static final String OTHER_ID = withCheck("37150219900101123");

  @Test
  void theSameNameAndNumberMatch() {
    assertEquals(Result.MATCH, CollectorCheck.compare("张三", ID_X, "张三", ID_X));
  }

  @Test
  void spacesAroundTheNameAndALowerCaseXDoNotMatter() {
    assertEquals(ID_X.charAt(17), 'X');
    assertEquals(
        Result.MATCH, CollectorCheck.compare("张三", ID_X, "  张三 ", " " + ID_X.toLowerCase()));
  }

  @Test
  void anotherNameIsRefusedEvenWhenItDiffersOnlyInside() {
    assertEquals(Result.NAME_MISMATCH, CollectorCheck.compare("张三", ID_X, "张 三", ID_X));
    assertEquals(Result.NAME_MISMATCH, CollectorCheck.compare("张三", ID_X, "张叁", ID_X));
    assertEquals(Result.NAME_MISMATCH, CollectorCheck.compare("张三", ID_X, null, ID_X));
  }

  @Test
  void anotherNumberIsRefused() {
    assertEquals(Result.ID_NUMBER_MISMATCH, CollectorCheck.compare("张三", ID_X, "张三", OTHER_ID));
    assertEquals(
        Result.ID_NUMBER_MISMATCH, CollectorCheck.compare("张三", ID_X, "张三", ID_X.substring(0, 17)));
    assertEquals(Result.ID_NUMBER_MISMATCH, CollectorCheck.compare("张三", ID_X, "张三", null));
  }

  @Test
  void bothWrongSaysSo() {
    assertEquals(Result.BOTH_MISMATCH, CollectorCheck.compare("张三", ID_X, "李四", OTHER_ID));
  }

  @Test
  void anOrderWithoutACollectorNeverMatches() {
    assertEquals(Result.BOTH_MISMATCH, CollectorCheck.compare(null, null, null, null));
  }

  @ParameterizedTest
  @EnumSource(value = Result.class, names = "MATCH", mode = EnumSource.Mode.EXCLUDE)
  void eachRefusalHasItsChineseMessage(Result result) {
    ResourceBundle bundle =
        ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);
    assertEquals(true, bundle.containsKey(result.messageKey()), result.messageKey());
  }

  private static String withCheck(String first17) {
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
