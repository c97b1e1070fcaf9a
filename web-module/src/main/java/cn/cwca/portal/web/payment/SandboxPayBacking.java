package cn.cwca.portal.web.payment;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.payment.PaymentService;
import cn.cwca.portal.payment.PaymentView;
import cn.cwca.portal.payment.sandbox.SandboxGateway;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.PublicOrigin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * /payment/sandbox.xhtml: 模拟支付, what the sandbox's QR code opens (on the payer's phone, so without
 * a login): the payment and 确认支付, which makes the sandbox send its signed notification to the
 * portal. Shows nothing when the sandbox is off.
 */
@Named
@ViewScoped
public class SandboxPayBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PaymentService payments;

  @Inject private SandboxGateway gateway;

  @Inject private HttpServletRequest request;

  private String trade;
  private PaymentView payment;
  private boolean paid;

  /** The page's {@code f:viewAction}. */
  public void open() {
    payment = payments.sandboxPayment(trade).orElse(null);
  }

  /** 确认支付. */
  public void pay() {
    if (!isPayable()) {
      FacesMessages.addErrorLabel("sandbox.unavailable");
      return;
    }
    try {
      gateway.pay(
          payment.outTradeNo(),
          URI.create(PublicOrigin.baseUrl(request) + "payment/notify/sandbox"));
      paid = true;
      FacesMessages.addInfoLabel("sandbox.paid");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** An open sandbox payment that may still be paid. */
  public boolean isPayable() {
    return payment != null && !paid && payment.isPayableAt(LocalDateTime.now(ZoneOffset.UTC));
  }

  public String getTrade() {
    return trade;
  }

  public void setTrade(String trade) {
    this.trade = trade;
  }

  public PaymentView getPayment() {
    return payment;
  }

  public boolean isPaid() {
    return paid;
  }
}
