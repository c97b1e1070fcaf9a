package cn.cwca.portal.web.finance;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.payment.NotificationRecord.Outcome;
import cn.cwca.portal.payment.PaymentService;
import cn.cwca.portal.payment.StaffPaymentRow;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /finance/payments.xhtml: the finance desk's payments: 对公转账 to confirm against the bank statement,
 * and the refund queue (money an order could not take: cancelled, already paid, another amount).
 */
@Named
@ViewScoped
public class PaymentsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PaymentService payments;

  @Inject private CurrentCaller caller;

  private List<StaffPaymentRow> transfers;
  private List<StaffPaymentRow> refunds;
  private StaffPaymentRow selected;
  private String refundNote;

  @PostConstruct
  void load() {
    transfers = payments.openTransfers();
    refunds = payments.refundQueue();
  }

  /** 确认到账 or 已退款 of a row: the row its confirmation is about. */
  public void select(StaffPaymentRow row) {
    selected = row;
    refundNote = null;
  }

  /** 确认到账, after the confirmation. */
  public void confirmTransfer() {
    if (selected == null) {
      return;
    }
    try {
      Outcome outcome = payments.confirmTransfer(selected.outTradeNo(), caller.clientInfo());
      FacesMessages.addInfoLabel("finance.transfer.outcome." + outcome);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    selected = null;
    load();
  }

  /** 已退款, after the confirmation. */
  public void markRefunded() {
    if (selected == null) {
      return;
    }
    try {
      payments.markRefunded(selected.outTradeNo(), refundNote, caller.clientInfo());
      FacesMessages.addInfoLabel("finance.refund.done");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    selected = null;
    load();
  }

  public List<StaffPaymentRow> getTransfers() {
    return transfers;
  }

  public List<StaffPaymentRow> getRefunds() {
    return refunds;
  }

  public StaffPaymentRow getSelected() {
    return selected;
  }

  public String getRefundNote() {
    return refundNote;
  }

  public void setRefundNote(String refundNote) {
    this.refundNote = refundNote;
  }
}
