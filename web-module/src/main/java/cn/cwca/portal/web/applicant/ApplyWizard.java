package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.SubmissionResult;
import cn.cwca.portal.application.UncheckedInput;
import cn.cwca.portal.application.WizardStep;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * /applicant/apply.xhtml, the certificate application wizard (user manual 4.1): 证书信息填写 > 用户信息确认 >
 * 取key方式 > 资料文件上传 > 提交成功. This bean holds what the steps share: the draft, the stage the page
 * shows, and the moves between steps (上一步, 取消, 提交申请, what is typed before a step is saved); each
 * step's fields and its 下一步 are in its own bean ({@link ApplyCertificateStep}, {@link
 * ApplyConfirmationStep}, {@link ApplyPickupStep}, {@link ApplyDocumentsStep}), all of the same
 * view.
 *
 * <p>Every step is saved by {@link ApplicationService} in the draft, and the page always shows the
 * step the draft stands at (after each step it reloads itself, {@link #RESUME}), so that a refresh,
 * a new session or another browser resumes where the applicant left off. Before a step is saved,
 * what is typed on 证书信息填写 and 取key方式 is kept in the draft on every change ({@link #keepInput}) and
 * shown again when the step reopens.
 */
@Named
@ViewScoped
public class ApplyWizard implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where every saved step goes: this page again, opened on the draft's step. */
  static final String RESUME = "/applicant/apply.xhtml?faces-redirect=true&resume=true";

  @Inject private ApplicationService applications;

  @Inject private CurrentCaller caller;

  @Inject private ApplyCertificateStep certificateStep;

  @Inject private ApplyConfirmationStep confirmationStep;

  @Inject private ApplyPickupStep pickupStep;

  @Inject private ApplyDocumentsStep documentsStep;

  private boolean resume;
  private String submittedId;

  private ApplyStage stage;
  private CertificateApplication application;

  /** The current step's fields as typed ({@link UncheckedInput} as JSON), sent on every change. */
  private String uncheckedInput;

  /** f:viewAction: decides what to show from the view parameters and the caller's draft. */
  public void open() {
    CertificateApplication order =
        submittedId == null
            ? null
            : applications.findMine(submittedId).filter(a -> !a.isDraft()).orElse(null);
    CertificateApplication draft = order == null ? applications.currentDraft().orElse(null) : null;
    application = order != null ? order : draft;
    stage = ApplyStage.opening(order != null, draft == null ? null : draft.getWizardStep(), resume);
    if (draft != null && stage.step() != null) {
      show(stage.step());
    }
  }

  /** Opens the draft's step with what the draft holds; 证书信息填写 when the step cannot be shown. */
  private void show(WizardStep step) {
    try {
      switch (step) {
        case CERTIFICATE_INFORMATION -> certificateStep.show(application);
        case CONFIRMATION -> confirmationStep.show();
        case PICKUP -> pickupStep.show(application);
        case DOCUMENTS -> documentsStep.show();
      }
      stage = ApplyStage.of(step);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      certificateStep.show(application);
      stage = ApplyStage.CERTIFICATE_INFORMATION;
    }
  }

  // ===== 取消 / 上一步 / 下一步 / 提交申请 =====

  /** 取消 (after the confirmation dialog): deletes the draft with its documents. */
  public String discard() {
    if (application != null && application.isDraft()) {
      try {
        applications.discardDraft(application.getPublicId(), caller.clientInfo());
      } catch (BusinessException refusal) {
        FacesMessages.addError(refusal);
        return null;
      }
    }
    FacesMessages.addFlashInfoLabel("apply.discarded");
    return "/applicant/apply.xhtml?faces-redirect=true";
  }

  /** 上一步 to the given step; nothing is lost. */
  public String back(WizardStep step) {
    return reopenAfter(() -> applications.goBack(draftRef(), step));
  }

  /**
   * Runs a move of the draft to another step (a step's 下一步, which saves it, or 上一步), after which
   * the page reopens on the draft's step; on a refusal the page stays, with the refusal's message.
   */
  String reopenAfter(Runnable move) {
    try {
      move.run();
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return RESUME;
  }

  /** 提交申请: one order however often it is sent (the draft's submission token). */
  public String submit() {
    SubmissionResult result;
    try {
      result =
          applications.submit(draftRef(), application.getSubmissionToken(), caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return "/applicant/apply.xhtml?faces-redirect=true&submitted=" + result.publicId();
  }

  // ===== what is typed, before a step is saved =====

  /**
   * The remote command of 证书信息填写 and 取key方式, on every change of their fields: keeps the step's
   * fields as typed in the draft (starting the draft on the first change), unchecked. Tells the
   * page whether they were kept ({@code inputKept}) and, if not, why ({@code refusal}).
   */
  public void keepInput(WizardStep step) {
    PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
    try {
      application =
          applications.keepUncheckedInput(
              draftRef(), step, UncheckedInput.fromJson(uncheckedInput));
      ajax.addCallbackParam("inputKept", true);
    } catch (BusinessException refusal) {
      ajax.addCallbackParam("inputKept", false);
      ajax.addCallbackParam("refusal", FacesMessages.message(refusal.messageKey(), refusal.args()));
    }
  }

  // ===== what the steps and the page read =====

  /** The draft as this page read it, for the services' concurrent-edit check. */
  DraftRef draftRef() {
    return DraftRef.of(application);
  }

  public ApplyStage getStage() {
    return stage;
  }

  /** Index of the p:steps item. */
  public int getStepIndex() {
    return stage.stepIndex();
  }

  /** The draft, or the submitted order on 提交成功; {@code null} before anything was kept. */
  public CertificateApplication getApplication() {
    return application;
  }

  public String getUncheckedInput() {
    return uncheckedInput;
  }

  public void setUncheckedInput(String uncheckedInput) {
    this.uncheckedInput = uncheckedInput;
  }

  public boolean isResume() {
    return resume;
  }

  public void setResume(boolean resume) {
    this.resume = resume;
  }

  public String getSubmittedId() {
    return submittedId;
  }

  public void setSubmittedId(String submittedId) {
    this.submittedId = submittedId;
  }
}
