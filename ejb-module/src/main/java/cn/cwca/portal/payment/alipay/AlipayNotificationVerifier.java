package cn.cwca.portal.payment.alipay;

import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.VerifiedNotification;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConstants;
import com.alipay.api.internal.util.AlipaySignature;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Alipay's asynchronous notification (异步通知), a form POSTed to the order's {@code
 * notify_url}: its RSA2 signature over the other parameters, sorted, {@code sign} and {@code
 * sign_type} left out, then that it is for this app; and reads it.
 */
final class AlipayNotificationVerifier {

  private static final Set<String> PAID = Set.of("TRADE_SUCCESS", "TRADE_FINISHED");

  private final AlipaySettings settings;

  AlipayNotificationVerifier(AlipaySettings settings) {
    this.settings = settings;
  }

  VerifiedNotification verify(Map<String, String> parameters) throws NotificationRejectedException {
    if (parameters.isEmpty()) {
      throw new NotificationRejectedException("not a form of parameters");
    }
    String sign = parameters.get(AlipayConstants.SIGN);
    if (sign == null || sign.isBlank()) {
      throw new NotificationRejectedException("not signed");
    }
    String signType = parameters.get(AlipayConstants.SIGN_TYPE);
    if (signType != null && !AlipayConstants.SIGN_TYPE_RSA2.equals(signType)) {
      throw new NotificationRejectedException("signed with " + signType + ", not RSA2");
    }
    if (!signatureVerifies(parameters)) {
      throw new NotificationRejectedException("bad signature");
    }
    if (!settings.appId().equals(parameters.get(AlipayConstants.APP_ID))) {
      throw new NotificationRejectedException("for another app: " + parameters.get("app_id"));
    }
    String outTradeNo = parameters.get("out_trade_no");
    if (outTradeNo == null || outTradeNo.isBlank()) {
      throw new NotificationRejectedException("no out_trade_no");
    }
    long amountFen;
    try {
      amountFen = Yuan.toFen(parameters.get("total_amount"));
    } catch (IllegalArgumentException e) {
      throw new NotificationRejectedException(
          "bad total_amount: " + parameters.get("total_amount"));
    }
    boolean paid = PAID.contains(parameters.get("trade_status"));
    OffsetDateTime paidAt = null;
    String gmtPayment = parameters.get("gmt_payment");
    if (paid && gmtPayment != null) {
      try {
        paidAt = BeijingTime.parse(gmtPayment);
      } catch (IllegalArgumentException e) {
        throw new NotificationRejectedException("bad gmt_payment: " + gmtPayment);
      }
    }
    return new VerifiedNotification(
        parameters.get("notify_id"),
        outTradeNo,
        parameters.get("trade_no"),
        parameters.get("seller_id"),
        amountFen,
        paid,
        paidAt);
  }

  private boolean signatureVerifies(Map<String, String> parameters)
      throws NotificationRejectedException {
    try {
      // A copy: the SDK removes sign and sign_type from the map it is given.
      return AlipaySignature.rsaCheckV1(
          new HashMap<>(parameters),
          settings.alipayPublicKeyBase64(),
          AlipayConstants.CHARSET_UTF8,
          AlipayConstants.SIGN_TYPE_RSA2);
    } catch (AlipayApiException | RuntimeException e) {
      throw new NotificationRejectedException("signature cannot be checked", e);
    }
  }
}
