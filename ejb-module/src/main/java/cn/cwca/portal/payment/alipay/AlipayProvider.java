package cn.cwca.portal.payment.alipay;

import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentOrder;
import cn.cwca.portal.payment.PaymentProvider;
import cn.cwca.portal.payment.PaymentProviderException;
import cn.cwca.portal.payment.ProviderPaymentState;
import cn.cwca.portal.payment.ProviderPaymentState.Status;
import cn.cwca.portal.payment.QrPayment;
import cn.cwca.portal.payment.VerifiedNotification;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.function.Supplier;

/**
 * Alipay 当面付: {@code alipay.trade.precreate} makes the QR code the buyer scans with the Alipay app;
 * {@code alipay.trade.query} and {@code alipay.trade.close} follow the trade; the notification is
 * Alipay's signed form. Requests are signed with the app's private key and every answer is verified
 * with Alipay's public key (RSA2), by the official SDK.
 */
@ApplicationScoped
public class AlipayProvider implements PaymentProvider {

  /** Alipay's code of a request that was carried out. */
  private static final String SUCCESS = "10000";

  private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
  private static final String TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR";

  private final Supplier<AlipaySettings> settingsSource;

  /** The client of the settings last used; made again when the settings change. */
  private volatile Connection connection;

  /** Reads this server's settings on each use ({@link AlipaySettings#configured()}). */
  public AlipayProvider() {
    this.settingsSource = AlipaySettings::configured;
  }

  /** With fixed settings (tests, a gateway other than Alipay's). */
  public AlipayProvider(AlipaySettings settings) {
    this.settingsSource = () -> settings;
  }

  @Override
  public PaymentChannel channel() {
    return PaymentChannel.ALIPAY;
  }

  @Override
  public boolean isConfigured() {
    return settingsSource.get().isComplete();
  }

  @Override
  public String merchantId() {
    return settingsSource.get().sellerId();
  }

  @Override
  public QrPayment create(PaymentOrder order) {
    AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
    model.setOutTradeNo(order.outTradeNo());
    model.setTotalAmount(Yuan.fromFen(order.amountFen()));
    model.setSubject(order.description());
    model.setTimeExpire(BeijingTime.format(order.expiresAt()));
    AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
    request.setBizModel(model);
    request.setNotifyUrl(order.notifyUrl());
    AlipayTradePrecreateResponse response = execute(request, order.outTradeNo());
    if (!SUCCESS.equals(response.getCode())) {
      throw refused(request, order.outTradeNo(), response);
    }
    if (response.getQrCode() == null || response.getQrCode().isBlank()) {
      throw new PaymentProviderException(
          "Alipay gave no qr_code for payment " + order.outTradeNo());
    }
    return new QrPayment(response.getQrCode(), order.expiresAt());
  }

  @Override
  public ProviderPaymentState query(String outTradeNo) {
    AlipayTradeQueryModel model = new AlipayTradeQueryModel();
    model.setOutTradeNo(outTradeNo);
    AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
    request.setBizModel(model);
    Connection current = connection();
    AlipayTradeQueryResponse response = execute(current, request, outTradeNo);
    if (TRADE_NOT_EXIST.equals(response.getSubCode())) {
      // Also a precreated trade nobody has scanned yet: Alipay knows it from the scan on.
      return ProviderPaymentState.notFound(outTradeNo);
    }
    if (!SUCCESS.equals(response.getCode())) {
      throw refused(request, outTradeNo, response);
    }
    String merchant = sellerIdOf(response, current.settings().sellerId());
    String status = response.getTradeStatus();
    if (status == null) {
      throw new PaymentProviderException("Alipay gave no trade_status for payment " + outTradeNo);
    }
    return switch (status) {
      case "WAIT_BUYER_PAY" ->
          new ProviderPaymentState(outTradeNo, Status.NOT_PAID, null, merchant, 0, null);
      case "TRADE_CLOSED" ->
          new ProviderPaymentState(outTradeNo, Status.CLOSED, null, merchant, 0, null);
      case "TRADE_SUCCESS", "TRADE_FINISHED" ->
          new ProviderPaymentState(
              outTradeNo,
              Status.PAID,
              response.getTradeNo(),
              merchant,
              amountOf(response, outTradeNo),
              beijingTime(response.getSendPayDate()));
      default ->
          throw new PaymentProviderException(
              "Alipay gave an unknown trade_status " + status + " for payment " + outTradeNo);
    };
  }

  @Override
  public void close(String outTradeNo) {
    AlipayTradeCloseModel model = new AlipayTradeCloseModel();
    model.setOutTradeNo(outTradeNo);
    AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
    request.setBizModel(model);
    AlipayTradeCloseResponse response = execute(request, outTradeNo);
    if (SUCCESS.equals(response.getCode()) || TRADE_NOT_EXIST.equals(response.getSubCode())) {
      // Not existing is the usual case: a precreated trade exists at Alipay once it is scanned.
      return;
    }
    if (TRADE_STATUS_ERROR.equals(response.getSubCode())) {
      // Alipay closes only a trade waiting for payment: already closed is done, paid is not.
      Status status = query(outTradeNo).status();
      if (status == Status.CLOSED || status == Status.NOT_FOUND) {
        return;
      }
      throw new PaymentProviderException(
          "Alipay did not close payment " + outTradeNo + ": it is " + status);
    }
    throw refused(request, outTradeNo, response);
  }

  @Override
  public VerifiedNotification verify(IncomingNotification notification)
      throws NotificationRejectedException {
    AlipaySettings settings = settingsSource.get();
    if (!settings.isComplete()) {
      throw new NotificationRejectedException("Alipay is not configured");
    }
    return new AlipayNotificationVerifier(settings).verify(notification.parameters());
  }

  /** Alipay stops sending a notification once it reads {@code success}. */
  @Override
  public NotificationAnswer accepted() {
    return new NotificationAnswer(200, "text/plain", "success");
  }

  /** Anything but {@code success} makes Alipay send again (up to 8 times over 25 hours). */
  @Override
  public NotificationAnswer refused(String reason) {
    return new NotificationAnswer(200, "text/plain", "fail");
  }

  private <T extends AlipayResponse> T execute(AlipayRequest<T> request, String outTradeNo) {
    return execute(connection(), request, outTradeNo);
  }

  /**
   * Sends a request; the SDK signs it and verifies the answer's signature (it refuses a successful
   * answer without one).
   */
  private static <T extends AlipayResponse> T execute(
      Connection connection, AlipayRequest<T> request, String outTradeNo) {
    T response;
    try {
      response = connection.client().execute(request);
    } catch (AlipayApiException | RuntimeException e) {
      throw new PaymentProviderException(
          "Alipay " + request.getApiMethodName() + " of payment " + outTradeNo + " failed", e);
    }
    if (response == null) {
      throw new PaymentProviderException(
          "Alipay " + request.getApiMethodName() + " of payment " + outTradeNo + " gave nothing");
    }
    return response;
  }

  private static PaymentProviderException refused(
      AlipayRequest<?> request, String outTradeNo, AlipayResponse response) {
    return new PaymentProviderException(
        "Alipay refused "
            + request.getApiMethodName()
            + " of payment "
            + outTradeNo
            + ": "
            + response.getCode()
            + " "
            + response.getMsg()
            + (response.getSubCode() == null
                ? ""
                : " (" + response.getSubCode() + " " + response.getSubMsg() + ")"));
  }

  private Connection connection() {
    AlipaySettings settings = settingsSource.get();
    if (!settings.isComplete()) {
      throw new PaymentProviderException(
          "Alipay is not configured; missing: " + String.join(", ", settings.missingSettings()));
    }
    Connection current = connection;
    if (current == null || !current.settings().equals(settings)) {
      current = new Connection(settings, AlipayClientFactory.create(settings));
      connection = current;
    }
    return current;
  }

  private static long amountOf(AlipayTradeQueryResponse response, String outTradeNo) {
    try {
      return Yuan.toFen(response.getTotalAmount());
    } catch (IllegalArgumentException e) {
      throw new PaymentProviderException(
          "Alipay gave a bad total_amount for payment " + outTradeNo, e);
    }
  }

  /** The SDK reads Alipay's times as Beijing time; the portal keeps them with that offset. */
  private static OffsetDateTime beijingTime(Date date) {
    return date == null ? null : date.toInstant().atZone(BeijingTime.ZONE).toOffsetDateTime();
  }

  /** The trade's seller when the answer names it (it may), else this merchant. */
  private static String sellerIdOf(AlipayTradeQueryResponse response, String configured) {
    if (response.getBody() == null) {
      return configured;
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.getBody()))) {
      if (reader.readObject().get("alipay_trade_query_response") instanceof JsonObject answer
          && answer.get("seller_id") instanceof JsonString sellerId
          && !sellerId.getString().isBlank()) {
        return sellerId.getString();
      }
      return configured;
    } catch (JsonException e) {
      return configured;
    }
  }

  /** A client and the settings it was made of. */
  private record Connection(AlipaySettings settings, AlipayClient client) {}
}
