package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.shipping.ShippingService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/**
 * /applicant/progress.xhtml: 进度查询 (user manual 4.2): the caller's applications in a lazy grid, the
 * 快递信息 dialog with the invoice's number and download, 开票信息 until the invoice is issued ({@link
 * InvoiceBuyerForm}), 取消申请 while unpaid, the courier's waybill with SF's tracking page, and 签收
 * while the key is with the courier.
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

  private LazyDataModel<ProgressRow> rows;
  private ProgressRow selected;

  @PostConstruct
  void load() {
    rows = new ProgressModel(progress);
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
