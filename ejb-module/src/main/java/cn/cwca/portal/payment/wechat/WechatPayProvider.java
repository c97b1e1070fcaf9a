package cn.cwca.portal.payment.wechat;

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
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.wechat.pay.java.core.exception.DecryptionException;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.model.Transaction.TradeStateEnum;
import com.wechat.pay.java.service.payments.model.TransactionAmount;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayResponse;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * WeChat Pay API v3, Native payment (扫码支付), through the official SDK: the QR code's {@code
 * code_url}, the order query and close, and the payment notifications, verified against the
 * configured platform certificates and decrypted with the APIv3 key.
 */
@ApplicationScoped
public class WechatPayProvider implements PaymentProvider {

  /** WeChat Pay's time zone: {@code time_expire} is written in it, as its documentation shows. */
  private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

  private static final DateTimeFormatter RFC_3339_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /**
   * How far a notification's timestamp may be from now: WeChat Pay signs every delivery afresh, so
   * an older one is a replay. The SDK gives WeChat Pay's answers the same five minutes.
   */
  private static final Duration NOTIFICATION_SKEW = Duration.ofMinutes(5);

  /** The answers to a query that say WeChat Pay does not know the order. */
  private static final Set<String> ORDER_NOT_EXIST = Set.of("ORDER_NOT_EXIST", "ORDERNOTEXIST");

  private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

  private final Supplier<WechatPaySettings> settings;

  /** The SDK's objects for the settings last seen; rebuilt when the settings change. */
  private volatile WechatPayClient client;

  Clock clock = Clock.systemUTC();

  /** The provider of the server's settings, read on each use. */
  public WechatPayProvider() {
    this(WechatPaySettings::configured);
  }

  /** A provider with fixed settings (tests, tools). */
  public WechatPayProvider(WechatPaySettings settings) {
    this(fixed(Objects.requireNonNull(settings, "settings")));
  }

  WechatPayProvider(Supplier<WechatPaySettings> settings) {
    this.settings = settings;
  }

  private static Supplier<WechatPaySettings> fixed(WechatPaySettings settings) {
    return () -> settings;
  }

  @Override
  public PaymentChannel channel() {
    return PaymentChannel.WECHAT;
  }

  @Override
  public boolean isConfigured() {
    return settings.get().isComplete();
  }

  @Override
  public String merchantId() {
    return settings.get().mchId();
  }

  @Override
  public QrPayment create(PaymentOrder order) {
    if (order.amountFen() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "WeChat Pay counts an amount in an int of fen: " + order.amountFen());
    }
    WechatPayClient client = client();
    OffsetDateTime expiresAt = order.expiresAt().truncatedTo(ChronoUnit.SECONDS);
    Amount amount = new Amount();
    amount.setTotal((int) order.amountFen());
    amount.setCurrency("CNY");
    PrepayRequest request = new PrepayRequest();
    request.setAppid(client.settings.appId());
    request.setMchid(client.settings.mchId());
    request.setDescription(order.description());
    request.setOutTradeNo(order.outTradeNo());
    request.setTimeExpire(
        RFC_3339_SECONDS.format(expiresAt.withOffsetSameInstant(CHINA_STANDARD_TIME)));
    request.setNotifyUrl(order.notifyUrl());
    request.setAmount(amount);
    PrepayResponse response;
    try {
      response = client.nativePay.prepay(request);
    } catch (RuntimeException e) {
      throw failure("prepay", e);
    }
    if (response == null || response.getCodeUrl() == null || response.getCodeUrl().isBlank()) {
      throw new PaymentProviderException("WeChat Pay prepay: the answer has no code_url");
    }
    return new QrPayment(response.getCodeUrl(), expiresAt);
  }

  @Override
  public ProviderPaymentState query(String outTradeNo) {
    WechatPayClient client = client();
    QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
    request.setOutTradeNo(outTradeNo);
    request.setMchid(client.settings.mchId());
    Transaction transaction;
    try {
      transaction = client.nativePay.queryOrderByOutTradeNo(request);
    } catch (ServiceException e) {
      if (isOrderNotExist(e)) {
        return ProviderPaymentState.notFound(outTradeNo);
      }
      throw failure("query", e);
    } catch (RuntimeException e) {
      throw failure("query", e);
    }
    if (transaction == null || transaction.getTradeState() == null) {
      throw new PaymentProviderException("WeChat Pay query: the answer has no trade_state");
    }
    return switch (transaction.getTradeState()) {
      case SUCCESS -> settled(outTradeNo, Status.PAID, transaction);
      case REFUND -> settled(outTradeNo, Status.REFUNDED, transaction);
      case NOTPAY, USERPAYING, ACCEPT -> unsettled(outTradeNo, Status.NOT_PAID, transaction);
      case CLOSED, REVOKED, PAYERROR -> unsettled(outTradeNo, Status.CLOSED, transaction);
    };
  }

  @Override
  public void close(String outTradeNo) {
    WechatPayClient client = client();
    CloseOrderRequest request = new CloseOrderRequest();
    request.setOutTradeNo(outTradeNo);
    request.setMchid(client.settings.mchId());
    try {
      client.nativePay.closeOrder(request);
    } catch (ServiceException e) {
      if (isOrderNotExist(e) || "ORDER_CLOSED".equals(e.getErrorCode())) {
        return;
      }
      throw failure("close", e);
    } catch (RuntimeException e) {
      throw failure("close", e);
    }
  }

  @Override
  public VerifiedNotification verify(IncomingNotification notification)
      throws NotificationRejectedException {
    String serial = requiredHeader(notification, "wechatpay-serial");
    String nonce = requiredHeader(notification, "wechatpay-nonce");
    String signature = requiredHeader(notification, "wechatpay-signature");
    String timestamp = requiredHeader(notification, "wechatpay-timestamp");
    checkFresh(timestamp);
    WechatPayClient client;
    try {
      client = client();
    } catch (PaymentProviderException e) {
      throw new NotificationRejectedException("WeChat Pay is not usable here", e);
    }
    if (!client.knowsPlatformCertificate(serial)) {
      throw new NotificationRejectedException("unknown platform certificate serial " + serial);
    }
    RequestParam request =
        new RequestParam.Builder()
            .serialNumber(serial)
            .nonce(nonce)
            .signature(signature)
            .timestamp(timestamp)
            .signType(notification.header("wechatpay-signature-type"))
            .body(notification.body())
            .build();
    // The SDK's messages quote the body and the signature: only our own reasons go further.
    Transaction transaction;
    try {
      transaction = client.notifications.parse(request, Transaction.class);
    } catch (ValidationException e) {
      throw new NotificationRejectedException("signature does not verify");
    } catch (DecryptionException e) {
      throw new NotificationRejectedException("resource does not decrypt with the APIv3 key");
    } catch (MalformedMessageException | JsonParseException e) {
      throw new NotificationRejectedException("body is not a WeChat Pay notification");
    } catch (RuntimeException e) {
      throw new NotificationRejectedException(
          "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return verified(envelopeId(notification.body()), transaction);
  }

  @Override
  public NotificationAnswer accepted() {
    // WeChat Pay takes 200 or 204 without a body as received.
    return new NotificationAnswer(200, "text/plain; charset=UTF-8", "");
  }

  @Override
  public NotificationAnswer refused(String reason) {
    JsonObject body = new JsonObject();
    body.addProperty("code", "FAIL");
    body.addProperty("message", reason == null ? "" : reason);
    // Any status other than 2xx makes WeChat Pay deliver the notification again later.
    return new NotificationAnswer(500, "application/json; charset=UTF-8", JSON.toJson(body));
  }

  /** Lets go of the idle connections when the application stops. */
  @PreDestroy
  void release() {
    WechatPayClient current = client;
    if (current != null) {
      current.release();
    }
  }

  /** The SDK's objects for the settings as they are now, built once per distinct settings. */
  private WechatPayClient client() {
    WechatPaySettings now = settings.get();
    WechatPayClient current = client;
    if (current != null && current.settings.equals(now)) {
      return current;
    }
    synchronized (this) {
      current = client;
      if (current != null && current.settings.equals(now)) {
        return current;
      }
      WechatPayClient fresh = WechatPayClient.of(now);
      client = fresh;
      if (current != null) {
        current.release();
      }
      return fresh;
    }
  }

  private static ProviderPaymentState settled(
      String outTradeNo, Status status, Transaction transaction) {
    return new ProviderPaymentState(
        outTradeNo,
        status,
        transaction.getTransactionId(),
        transaction.getMchid(),
        totalOf(transaction.getAmount()),
        successTimeOf(transaction.getSuccessTime()));
  }

  private static ProviderPaymentState unsettled(
      String outTradeNo, Status status, Transaction transaction) {
    return new ProviderPaymentState(outTradeNo, status, null, transaction.getMchid(), 0, null);
  }

  private static long totalOf(TransactionAmount amount) {
    if (amount == null || amount.getTotal() == null) {
      throw new PaymentProviderException("WeChat Pay query: a paid order without amount.total");
    }
    return amount.getTotal();
  }

  private static OffsetDateTime successTimeOf(String successTime) {
    try {
      return successTime == null ? null : OffsetDateTime.parse(successTime);
    } catch (DateTimeParseException e) {
      throw new PaymentProviderException("WeChat Pay query: success_time is not RFC 3339");
    }
  }

  private static boolean isOrderNotExist(ServiceException e) {
    return e.getHttpStatusCode() == 404 && ORDER_NOT_EXIST.contains(e.getErrorCode());
  }

  /**
   * The failure of a call, in words that quote nothing of the request: the SDK's messages carry the
   * request with its {@code Authorization} header, and the answer.
   */
  private static PaymentProviderException failure(String operation, RuntimeException e) {
    if (e instanceof ServiceException refused) {
      return new PaymentProviderException(
          "WeChat Pay "
              + operation
              + " refused: HTTP "
              + refused.getHttpStatusCode()
              + (refused.getErrorCode() == null ? "" : " " + refused.getErrorCode())
              + (refused.getErrorMessage() == null ? "" : " " + refused.getErrorMessage()));
    }
    if (e instanceof HttpException unreachable) {
      return new PaymentProviderException(
          "WeChat Pay " + operation + ": the API cannot be reached", unreachable.getCause());
    }
    if (e instanceof ValidationException) {
      return new PaymentProviderException(
          "WeChat Pay " + operation + ": the answer is not signed by a WeChat Pay platform key");
    }
    if (e instanceof MalformedMessageException) {
      return new PaymentProviderException(
          "WeChat Pay " + operation + ": the answer cannot be read");
    }
    if (e instanceof PaymentProviderException already) {
      return already;
    }
    return new PaymentProviderException(
        "WeChat Pay " + operation + " failed (" + e.getClass().getSimpleName() + ")");
  }

  private static String requiredHeader(IncomingNotification notification, String name)
      throws NotificationRejectedException {
    String value = notification.header(name);
    if (value == null || value.isBlank()) {
      throw new NotificationRejectedException("missing header " + name);
    }
    return value.strip();
  }

  private void checkFresh(String timestamp) throws NotificationRejectedException {
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | DateTimeException e) {
      throw new NotificationRejectedException("wechatpay-timestamp is not a time");
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(NOTIFICATION_SKEW) > 0) {
      throw new NotificationRejectedException("stale wechatpay-timestamp " + timestamp);
    }
  }

  /** The notification's own id: the SDK parses the envelope but does not hand it out. */
  private static String envelopeId(String body) throws NotificationRejectedException {
    try {
      JsonElement id = JsonParser.parseString(body).getAsJsonObject().get("id");
      return id == null || id.isJsonNull() ? null : id.getAsString();
    } catch (RuntimeException e) {
      throw new NotificationRejectedException("body is not a WeChat Pay notification");
    }
  }

  private static VerifiedNotification verified(String notificationId, Transaction transaction)
      throws NotificationRejectedException {
    if (transaction == null || transaction.getOutTradeNo() == null) {
      throw new NotificationRejectedException("resource has no out_trade_no");
    }
    boolean paid = transaction.getTradeState() == TradeStateEnum.SUCCESS;
    TransactionAmount amount = transaction.getAmount();
    if (paid && (amount == null || amount.getTotal() == null)) {
      throw new NotificationRejectedException("a paid transaction without amount.total");
    }
    OffsetDateTime paidAt = null;
    if (paid && transaction.getSuccessTime() != null) {
      try {
        paidAt = OffsetDateTime.parse(transaction.getSuccessTime());
      } catch (DateTimeParseException e) {
        throw new NotificationRejectedException("success_time is not RFC 3339");
      }
    }
    return new VerifiedNotification(
        notificationId,
        transaction.getOutTradeNo(),
        transaction.getTransactionId(),
        transaction.getMchid(),
        amount == null || amount.getTotal() == null ? 0 : amount.getTotal(),
        paid,
        paidAt);
  }
}
