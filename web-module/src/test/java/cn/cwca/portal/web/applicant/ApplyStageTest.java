package cn.cwca.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.cwca.portal.application.WizardStep;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplyStageTest {

  @Test
  void aSubmittedOrderIsShownAsSubmittedWhateverTheDraft() {
    assertEquals(ApplyStage.SUBMITTED, ApplyStage.opening(true, null, false));
    assertEquals(ApplyStage.SUBMITTED, ApplyStage.opening(true, WizardStep.PICKUP, true));
  }

  @Test
  void withoutADraftThePageStartsOnCertificateInformation() {
    assertEquals(ApplyStage.CERTIFICATE_INFORMATION, ApplyStage.opening(false, null, false));
    assertEquals(ApplyStage.CERTIFICATE_INFORMATION, ApplyStage.opening(false, null, true));
  }

  @ParameterizedTest
  @EnumSource(WizardStep.class)
  void anOpenDraftIsOfferedUnlessThePageIsAskedToResumeIt(WizardStep step) {
    assertEquals(ApplyStage.DRAFT_FOUND, ApplyStage.opening(false, step, false));
  }

  @ParameterizedTest
  @EnumSource(WizardStep.class)
  void aResumedDraftOpensOnItsStep(WizardStep step) {
    ApplyStage stage = ApplyStage.opening(false, step, true);
    assertEquals(step.name(), stage.name());
    assertEquals(step, stage.step());
  }

  @Test
  void theOfferAndTheSuccessAreNoStepsOfTheDraft() {
    assertNull(ApplyStage.DRAFT_FOUND.step());
    assertNull(ApplyStage.SUBMITTED.step());
  }

  @Test
  void theStepsBarShowsTheOfferOnTheFirstStepAndTheSuccessLast() {
    assertEquals(
        "[0, 0, 1, 2, 3, 4]",
        Arrays.toString(
            Arrays.stream(ApplyStage.values()).mapToInt(ApplyStage::stepIndex).toArray()));
  }
}
