package cn.cwca.portal.payment.sandbox;

import cn.cwca.portal.common.Settings;
import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentOrder;
import cn.cwca.portal.payment.PaymentProvider;
import cn.cwca.portal.payment.ProviderPaymentState;
import cn.cwca.portal.payment.QrPayment;
import cn.cwca.portal.payment.VerifiedNotification;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * 模拟支付: a provider for trying the portal without money. Its QR code opens the portal's own page
 * 模拟支付, which pays by sending a notification signed with the sandbox's secret through the same path
 * as a real provider's ({@link SandboxNotifications}). Off unless the system property {@value
 * #ENABLED} is {@code true} and the password alias {@value #SECRET} holds its secret; the README's
 * run command sets both, a production server neither.
 */
@ApplicationScoped
public class SandboxProvider implements PaymentProvider {

  /** System property that switches the sandbox on. */
  public static final String ENABLED = "caportal.payment.sandbox.enabled";

  /** Password alias of the secret the sandbox signs its notifications with. */
  public static final String SECRET = "caportal-payment-sandbox-secret";

  /** The merchant the sandbox's notifications name. */
  static final String MERCHANT = "SANDBOX";

  @Override
  public PaymentChannel channel() {
    return PaymentChannel.SANDBOX;
  }

  @Override
  public boolean isConfigured() {
    return Settings.flag(ENABLED, false) && secret().isPresent();
  }

  @Override
  public String merchantId() {
    return MERCHANT;
  }

  /** The QR code opens 模拟支付 next to the notification path: {@code <base>/payment/sandbox.xhtml}. */
  @Override
  public QrPayment create(PaymentOrder order) {
    URI page =
        URI.create(order.notifyUrl())
            .resolve(
                "../sandbox.xhtml?trade="
                    + URLEncoder.encode(order.outTradeNo(), StandardCharsets.UTF_8));
    return new QrPayment(page.toString(), order.expiresAt());
  }

  /** The sandbox keeps no trades of its own: what it paid, it notified. */
  @Override
  public ProviderPaymentState query(String outTradeNo) {
    return ProviderPaymentState.notFound(outTradeNo);
  }

  @Override
  public void close(String outTradeNo) {
    // nothing to close: a sandbox QR code is paid only through the portal's own page
  }

  @Override
  public VerifiedNotification verify(IncomingNotification notification)
      throws NotificationRejectedException {
    return SandboxNotifications.verify(
        notification,
        secret().orElseThrow(() -> new NotificationRejectedException("sandbox not configured")));
  }

  @Override
  public NotificationAnswer accepted() {
    return new NotificationAnswer(200, "application/json", "{\"code\":\"SUCCESS\"}");
  }

  @Override
  public NotificationAnswer refused(String reason) {
    return new NotificationAnswer(
        400, "application/json", "{\"code\":\"FAIL\",\"message\":\"refused\"}");
  }

  static Optional<String> secret() {
    return Settings.value(SECRET);
  }
}
