package cn.cwca.portal.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import org.junit.jupiter.api.Test;

class SupportRulesTest {

  private static String refusal(Runnable check) {
    return assertThrows(BusinessException.class, check::run).messageKey();
  }

  @Test
  void everyActionNeedsAReasonOfAtMost500Characters() {
    assertEquals("support.reason.required", refusal(() -> SupportRules.reason(null)));
    assertEquals("support.reason.required", refusal(() -> SupportRules.reason(" \t")));
    assertEquals("support.reason.tooLong", refusal(() -> SupportRules.reason("因".repeat(501))));
    assertEquals("申请人来电，已核实", SupportRules.reason(" 申请人来电，已核实 "));
    assertEquals(500, SupportRules.reason("因".repeat(500)).length());
  }

  @Test
  void aTransferNeedsTheReferenceOfItsEvidence() {
    assertEquals("support.evidence.required", refusal(() -> SupportRules.evidence("")));
    assertEquals("support.evidence.tooLong", refusal(() -> SupportRules.evidence("x".repeat(201))));
    assertEquals("营业执照 2026-0117", SupportRules.evidence(" 营业执照 2026-0117"));
  }

  @Test
  void changingHowAnAccountIsReachedNeedsTheIdentityChecked() {
    assertEquals("support.identityNotChecked", refusal(() -> SupportRules.identityChecked(false)));
    assertDoesNotThrow(() -> SupportRules.identityChecked(true));
  }
}
