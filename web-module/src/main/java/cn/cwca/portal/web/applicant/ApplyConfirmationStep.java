package cn.cwca.portal.web.applicant;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.ApplicantSummary;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.rules.AdministrativeDivisions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Step 2 of the wizard ({@link ApplyWizard}), 用户信息确认: the applicant's account data next to the
 * draft's 证书信息; 下一步 confirms them.
 */
@Named
@ViewScoped
public class ApplyConfirmationStep implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicationService applications;

  @Inject private ApplyWizard wizard;

  private ApplicantSummary applicant;

  /** Opens the step: the applicant's data as the account has them now. */
  void show() {
    applicant = applications.applicant();
  }

  /** 下一步 of 用户信息确认. */
  public String next() {
    return wizard.reopenAfter(() -> applications.confirmUserInformation(wizard.draftRef()));
  }

  public ApplicantSummary getApplicant() {
    return applicant;
  }

  public boolean isOrganisation() {
    return applicant != null && applicant.userType() == AccountType.ORGANISATION;
  }

  /** 地址 of 用户信息确认: the 所在行政区 with province and city. */
  public String getApplicantAddress() {
    return applicant == null || applicant.divisionCode() == null
        ? ""
        : AdministrativeDivisions.get().fullName(applicant.divisionCode());
  }
}
