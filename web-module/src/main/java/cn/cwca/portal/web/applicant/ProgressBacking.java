package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.progress.ProgressFilter;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.shipping.ShippingService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * /applicant/progress.xhtml: 进度查询 (user manual 4.2): the caller's applications in a lazy grid with
 * filters (业务类型, 审核状态, 支付状态, a range of 申请时间), the 快递信息 dialog with the invoice's number and
 * download, 开票信息 until the invoice is issued ({@link InvoiceBuyerForm}), 取消申请 while unpaid, the
 * courier's waybill with SF's tracking page, and 签收 while the key is with the courier.
 */
@Named
@ViewScoped
public class ProgressBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicationService applications;

  @Inject private ProgressService progress;

  @Inject private ShippingService shipping;

  @Inject private CurrentCaller caller;

  @Inject private InvoiceBuyerForm buyerForm;

  private ProgressModel rows;
  private ProgressRow selected;
  private ServiceType serviceType;
  private ReviewStatus reviewStatus;
  private PaymentStatus paymentStatus;
  private LocalDate submittedFrom;
  private LocalDate submittedTo;

  @PostConstruct
  void load() {
    rows = new ProgressModel(progress);
  }

  /** 查询: the grid with the filters as set, from its first page. */
  public void search() {
    ProgressFilter filter =
        new ProgressFilter(serviceType, reviewStatus, paymentStatus, submittedFrom, submittedTo);
    if (filter.isReversed()) {
      FacesMessages.addErrorLabel("progress.filter.dateRange");
      return;
    }
    rows.filter(filter);
    firstPage();
  }

  /** 重置: every submitted order again. */
  public void reset() {
    serviceType = null;
    reviewStatus = null;
    paymentStatus = null;
    submittedFrom = null;
    submittedTo = null;
    rows.filter(ProgressFilter.NONE);
    firstPage();
  }

  /** The grid starts again at its first page. */
  private static void firstPage() {
    DataTable table =
        (DataTable)
            FacesContext.getCurrentInstance().getViewRoot().findComponent(":progressForm:progress");
    table.setFirst(0);
  }

  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  public ReviewStatus[] getReviewStatuses() {
    return ReviewStatus.values();
  }

  public PaymentStatus[] getPaymentStatuses() {
    return PaymentStatus.values();
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public ReviewStatus getReviewStatus() {
    return reviewStatus;
  }

  public void setReviewStatus(ReviewStatus reviewStatus) {
    this.reviewStatus = reviewStatus;
  }

  public PaymentStatus getPaymentStatus() {
    return paymentStatus;
  }

  public void setPaymentStatus(PaymentStatus paymentStatus) {
    this.paymentStatus = paymentStatus;
  }

  public LocalDate getSubmittedFrom() {
    return submittedFrom;
  }

  public void setSubmittedFrom(LocalDate submittedFrom) {
    this.submittedFrom = submittedFrom;
  }

  public LocalDate getSubmittedTo() {
    return submittedTo;
  }

  public void setSubmittedTo(LocalDate submittedTo) {
    this.submittedTo = submittedTo;
  }

  /** 点击查看, 取消申请 or 签收 of a row: the row the dialog is about. */
  public void select(ProgressRow row) {
    selected = row;
  }

  /** 取消申请, after the confirmation: 用户已取消. */
  public void cancel() {
    if (selected == null) {
      return;
    }
    try {
      applications.cancel(selected.publicId(), caller.clientInfo());
      FacesMessages.addInfoLabel("progress.cancelled");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    selected = null;
  }

  /** 签收, after the confirmation: the key was received, the order is 已完成. */
  public void sign() {
    if (selected == null) {
      return;
    }
    try {
      shipping.sign(selected.publicId(), caller.clientInfo());
      FacesMessages.addInfoLabel("progress.signed", selected.publicId());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    selected = null;
  }

  /** 填写开票信息 of the dialog's order: loads the form of the 开票信息 dialog. */
  public void editBuyer() {
    if (selected == null || !buyerForm.load(selected.publicId())) {
      FacesMessages.addErrorMessage("application.notFound");
    }
  }

  public LazyDataModel<ProgressRow> getRows() {
    return rows;
  }

  /** The row of the open dialog. */
  public ProgressRow getSelected() {
    return selected;
  }
}
