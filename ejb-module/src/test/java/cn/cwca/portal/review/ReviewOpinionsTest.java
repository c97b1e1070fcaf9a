package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.review.ReviewDecision.Decision;
import org.junit.jupiter.api.Test;

/** 审核意见: required on 驳回, bounded, kept as written. */
class ReviewOpinionsTest {

  @Test
  void aRejectionNeedsAnOpinion() {
    for (String none : new String[] {null, "", "  \n\t "}) {
      BusinessException e =
          assertThrows(
              BusinessException.class, () -> ReviewOpinions.checked(Decision.REJECT, none));
      assertEquals("review.opinionRequired", e.messageKey());
    }
    assertEquals("营业执照不清晰", ReviewOpinions.checked(Decision.REJECT, " 营业执照不清晰 "));
  }

  @Test
  void anApprovalMayHaveNone() {
    assertNull(ReviewOpinions.checked(Decision.APPROVE, null));
    assertNull(ReviewOpinions.checked(Decision.APPROVE, "   "));
    assertEquals("资料齐全", ReviewOpinions.checked(Decision.APPROVE, "资料齐全"));
  }

  @Test
  void anOpinionHasAtMostFiveHundredCharacters() {
    assertEquals("意".repeat(500), ReviewOpinions.checked(Decision.REJECT, "意".repeat(500)));
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> ReviewOpinions.checked(Decision.REJECT, "意".repeat(501)));
    assertEquals("review.opinionTooLong", e.messageKey());
  }

  @Test
  void lineBreaksStayControlCharactersGo() {
    assertEquals(
        "第一行\n第二行\t备注", ReviewOpinions.checked(Decision.REJECT, "第一行\r\n第二行\t备注\u0000\u001b"));
  }

  @Test
  void eachPresetReasonHasItsChineseText() {
    assertEquals(5, ReviewOpinions.PRESET_REASON_KEYS.size());
    for (String key : ReviewOpinions.PRESET_REASON_KEYS) {
      String text = Messages.text(key);
      assertTrue(!text.equals(key) && text.codePoints().anyMatch(cp -> cp >= 0x4E00), key);
    }
    assertEquals("营业执照不清晰", Messages.text(ReviewOpinions.PRESET_REASON_KEYS.get(0)));
  }
}
