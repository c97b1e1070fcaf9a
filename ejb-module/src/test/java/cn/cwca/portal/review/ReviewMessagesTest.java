package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.certificate.ApprovedSubject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the review has its Chinese message; decisions and codes their labels. */
class ReviewMessagesTest {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "review.notAwaiting",
        "review.ownOrder",
        "review.claimRequired",
        "review.claimedByOther",
        "review.claimLost",
        "review.secondApprovalSameReviewer",
        "review.opinionRequired",
        "review.opinionTooLong",
        "review.subjectInvalid",
        "application.notFound",
        "application.concurrentEdit",
        "application.firstKeyTaken",
        "application.document.missing",
        "order.stepRefused",
        "role.REVIEWER"
      })
  void eachRefusalHasItsChineseMessage(String key) {
    assertTrue(BUNDLE.containsKey(key), key);
    assertTrue(BUNDLE.getString(key).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF));
  }

  @ParameterizedTest
  @EnumSource(ReviewDecision.Decision.class)
  void eachDecisionHasItsLabel(ReviewDecision.Decision decision) {
    assertTrue(BUNDLE.containsKey("reviewDecision." + decision.name()));
  }

  @ParameterizedTest
  @EnumSource(ApprovedSubject.CodeType.class)
  void eachSubjectCodeTypeHasItsLabel(ApprovedSubject.CodeType type) {
    assertTrue(BUNDLE.containsKey(type.labelKey()), type.labelKey());
  }

  @Test
  void theClaimRefusalNamesTheHolderAndUntilWhen() {
    assertEquals(
        "该申请已由审核员“it-reviewer”领取（至2026-12-07 10:30），请审核其他申请",
        new MessageFormat(BUNDLE.getString("review.claimedByOther"), Locale.SIMPLIFIED_CHINESE)
            .format(new Object[] {"it-reviewer", "2026-12-07 10:30"}));
  }
}
