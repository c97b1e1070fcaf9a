package cn.cwca.portal.payment.sandbox;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.payment.PaymentService;
import cn.cwca.portal.payment.PaymentView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The sandbox's "provider side": 确认支付 on the 模拟支付 page makes it send a signed notification to the
 * portal's notification URL over HTTP, as WeChat Pay or Alipay would.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxGateway {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject PaymentService payments;

  /**
   * Pays a sandbox payment.
   *
   * @param notifyUrl the portal's {@code payment/notify/sandbox} URL, as the page reached it
   * @throws BusinessException {@code payment.notFound} (not a sandbox payment, or the sandbox is
   *     off); {@code payment.sandbox.failed} when the portal did not take the notification
   */
  public void pay(String outTradeNo, URI notifyUrl) {
    PaymentView p =
        payments
            .sandboxPayment(outTradeNo)
            .orElseThrow(() -> new BusinessException("payment.notFound"));
    if (!p.isPayableAt(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))) {
      throw new BusinessException("payment.expired");
    }
    String secret =
        SandboxProvider.secret().orElseThrow(() -> new BusinessException("payment.notFound"));
    String body =
        SandboxNotifications.body(
            UUID.randomUUID().toString(),
            p.outTradeNo(),
            "SANDBOX" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
            p.amount().movePointRight(2).longValueExact(),
            OffsetDateTime.now());
    HttpRequest request =
        HttpRequest.newBuilder(notifyUrl)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(SandboxNotifications.SIGNATURE_HEADER, SandboxNotifications.sign(body, secret))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new BusinessException("payment.sandbox.failed");
      }
    } catch (IOException e) {
      throw new BusinessException("payment.sandbox.failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusinessException("payment.sandbox.failed");
    }
  }
}
