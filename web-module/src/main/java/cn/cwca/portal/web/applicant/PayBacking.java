package cn.cwca.portal.web.applicant;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentService;
import cn.cwca.portal.payment.PaymentSummary;
import cn.cwca.portal.payment.PaymentView;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.PublicOrigin;
import cn.cwca.portal.web.payment.QrCodes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * /applicant/pay.xhtml: 立即支付 (user manual 4.2) in three steps, 信息确认 > 开票信息 > 扫码支付. The third shows
 * the QR code of the chosen provider (or the CA's account and the reference for 对公转账) and asks the
 * server every few seconds whether the order is paid, so that it turns to 已支付 by itself.
 */
@Named
@ViewScoped
public class PayBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the page stands. */
  public enum Stage {
    CONFIRM,
    INVOICE,
    PAY,
    PAID,
    NOT_PAYABLE
  }

  @Inject private PaymentService payments;

  @Inject private InvoiceBuyerForm invoiceBuyer;

  @Inject private CurrentCaller caller;

  @Inject private HttpServletRequest request;

  private String id;
  private PaymentSummary summary;
  private Stage stage;
  private List<PaymentChannel> channels;
  private PaymentView payment;
  private String qrImage;

  /** The page's {@code f:viewAction}: the order, or a message when it is not the caller's. */
  public void open() {
    try {
      summary = payments.summary(id);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      stage = Stage.NOT_PAYABLE;
      return;
    }
    if (summary.payable()) {
      stage = Stage.CONFIRM;
    } else {
      stage = payments.isPaid(id) ? Stage.PAID : Stage.NOT_PAYABLE;
    }
  }

  /** 信息确认 下一步. */
  public void confirm() {
    invoiceBuyer.load(id);
    stage = Stage.INVOICE;
  }

  /** 开票信息 上一步. */
  public void back() {
    stage = Stage.CONFIRM;
  }

  /** 开票信息 下一步: saves the buyer data, then offers the ways of paying. */
  public void saveInvoiceBuyer() {
    if (invoiceBuyer.save()) {
      channels = payments.channels();
      stage = Stage.PAY;
    }
  }

  /** 扫码支付: the QR code of a channel (a new one once the shown one expired). */
  public void choose(PaymentChannel channel) {
    try {
      payment = payments.start(id, channel, PublicOrigin.baseUrl(request), caller.clientInfo());
      qrImage = payment.qrContent() == null ? null : QrCodes.pngDataUri(payment.qrContent(), 240);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      if (payments.isPaid(id)) {
        stage = Stage.PAID;
      }
    }
  }

  /** 刷新二维码 of an expired code. */
  public void renew() {
    if (payment != null) {
      choose(payment.channel());
    }
  }

  /** The poll of the 扫码支付 step: 已支付 once the provider's notification has paid the order. */
  public void poll() {
    if (stage == Stage.PAY && payments.isPaid(id)) {
      stage = Stage.PAID;
    }
  }

  /** Whether the shown QR code can no longer be paid. */
  public boolean isExpired() {
    return payment != null
        && !payment.isBankTransfer()
        && !payment.isPayableAt(LocalDateTime.now(ZoneOffset.UTC));
  }

  /** Seconds until the shown QR code expires, for the page's countdown. */
  public long getSecondsLeft() {
    if (payment == null) {
      return 0;
    }
    long left =
        java.time.Duration.between(LocalDateTime.now(ZoneOffset.UTC), payment.expiresAt())
            .getSeconds();
    return Math.max(0, left);
  }

  /** Whole minutes until the shown QR code expires, at least 1 while it may be paid. */
  public long getMinutesLeft() {
    long seconds = getSecondsLeft();
    return seconds == 0 ? 0 : Math.max(1, (seconds + 59) / 60);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public PaymentSummary getSummary() {
    return summary;
  }

  public Stage getStage() {
    return stage;
  }

  /** The index of the step the page shows, for {@code p:steps}. */
  public int getStepIndex() {
    return switch (stage) {
      case CONFIRM, NOT_PAYABLE -> 0;
      case INVOICE -> 1;
      case PAY, PAID -> 2;
    };
  }

  public List<PaymentChannel> getChannels() {
    return channels;
  }

  public PaymentView getPayment() {
    return payment;
  }

  /** The QR code as a data URI; {@code null} for 对公转账. */
  public String getQrImage() {
    return qrImage;
  }
}
