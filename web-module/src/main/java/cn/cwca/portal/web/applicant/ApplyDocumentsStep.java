package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.catalogue.PriceQuote;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step 4 of the wizard ({@link ApplyWizard}), 资料文件上传: the draft's documents ({@link DocumentSlots})
 * with the price, which follows them; 提交申请 is the wizard's ({@link ApplyWizard#submit}).
 */
@Named
@ViewScoped
public class ApplyDocumentsStep extends DocumentSlots {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicationService applications;

  @Inject private ApplyWizard wizard;

  private PriceQuote quote;

  /** Opens the step: the draft's documents and price. */
  void show() {
    refreshDocuments();
  }

  @Override
  protected String documentsOrderId() {
    CertificateApplication draft = wizard.getApplication();
    return draft == null ? null : draft.getPublicId();
  }

  /** The 资料文件上传 step shows the price with the documents: read it again with them. */
  @Override
  protected void documentsChanged() {
    try {
      quote = applications.quote(documentsOrderId());
    } catch (BusinessException refusal) {
      quote = null;
      FacesMessages.addError(refusal);
    }
  }

  public PriceQuote getQuote() {
    return quote;
  }
}
