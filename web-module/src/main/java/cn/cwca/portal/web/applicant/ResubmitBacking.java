package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.progress.ReviewOpinion;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * /applicant/resubmit.xhtml?id=申请ID: 修改资料并重新提交 of a rejected order (驳回): the 审核意见 of every round,
 * the documents with 上传/替换, 删除 and 点击预览 as in the wizard, and 重新提交 (after a confirmation), which
 * puts the order back into the review queue without a second payment.
 */
@Named
@ViewScoped
public class ResubmitBacking extends DocumentSlots {

  private static final long serialVersionUID = 1L;

  /** Where a resubmitted order is followed: 进度查询. */
  static final String PROGRESS = "/applicant/progress.xhtml?faces-redirect=true";

  @Inject private ApplicationService applications;

  @Inject private ProgressService progress;

  private String id;
  private CertificateApplication order;
  private List<ReviewOpinion> opinions = List.of();

  /** The page's {@code f:viewAction}: the caller's rejected order, or a message. */
  public void open() {
    Optional<CertificateApplication> mine =
        id == null ? Optional.empty() : applications.findMine(id).filter(a -> !a.isDraft());
    if (mine.isEmpty()) {
      FacesMessages.addErrorMessage("application.notFound");
      return;
    }
    order = mine.get();
    opinions = progress.reviewOpinions(order.getPublicId());
    if (!order.isResubmittable()) {
      FacesMessages.addErrorLabel("resubmit.notRejected");
      return;
    }
    refreshDocuments();
  }

  /** 重新提交, after the confirmation: back to review; 进度查询 then shows it 待审核. */
  public String resubmit() {
    if (!isEditable()) {
      return null;
    }
    try {
      applications.resubmit(order.getPublicId(), caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      refreshDocuments();
      return null;
    }
    FacesMessages.addFlashInfoLabel("resubmit.done", order.getPublicId());
    return PROGRESS;
  }

  @Override
  protected String documentsOrderId() {
    return order == null ? null : order.getPublicId();
  }

  // ===== the page =====

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** The order, {@code null} when the 申请ID is not one of the caller's orders. */
  public CertificateApplication getOrder() {
    return order;
  }

  /** Whether its documents may be corrected and it resubmitted (it is rejected). */
  public boolean isEditable() {
    return order != null && order.isResubmittable();
  }

  /** 审核意见 of every round, oldest first. */
  public List<ReviewOpinion> getOpinions() {
    return opinions;
  }

  /** The 审核意见 that rejected the order: the latest decision's. */
  public ReviewOpinion getLatestOpinion() {
    return opinions.isEmpty() ? null : opinions.get(opinions.size() - 1);
  }
}
