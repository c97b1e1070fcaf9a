package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.WizardStep;

/**
 * What /applicant/apply.xhtml shows (its {@code data-stage}): the wizard's steps as the draft
 * remembers them ({@link WizardStep}), with the offer to resume an open draft before them and 提交成功
 * after them; also the rules of which stage the page opens on.
 */
public enum ApplyStage {
  /** A draft exists and the applicant came without asking to resume: 继续填写 or 取消. */
  DRAFT_FOUND,
  CERTIFICATE_INFORMATION,
  CONFIRMATION,
  PICKUP,
  DOCUMENTS,
  /** 提交成功. */
  SUBMITTED;

  /** The stage of a draft's step. */
  public static ApplyStage of(WizardStep step) {
    return valueOf(step.name());
  }

  /**
   * The stage the page opens on.
   *
   * @param submittedOrder the page was asked to show the caller's submitted order and found it
   * @param draftStep the step of the caller's open draft, {@code null} without a draft
   * @param resume the page was asked to resume the draft ({@code ?resume=true})
   */
  public static ApplyStage opening(boolean submittedOrder, WizardStep draftStep, boolean resume) {
    if (submittedOrder) {
      return SUBMITTED;
    }
    if (draftStep == null) {
      return CERTIFICATE_INFORMATION;
    }
    return resume ? of(draftStep) : DRAFT_FOUND;
  }

  /**
   * The draft's step this stage shows, {@code null} for {@link #DRAFT_FOUND} and {@link
   * #SUBMITTED}.
   */
  public WizardStep step() {
    return switch (this) {
      case DRAFT_FOUND, SUBMITTED -> null;
      default -> WizardStep.valueOf(name());
    };
  }

  /** Index of the p:steps item: the offer to resume sits on the first step. */
  public int stepIndex() {
    return switch (this) {
      case DRAFT_FOUND, CERTIFICATE_INFORMATION -> 0;
      case CONFIRMATION -> 1;
      case PICKUP -> 2;
      case DOCUMENTS -> 3;
      case SUBMITTED -> 4;
    };
  }
}
