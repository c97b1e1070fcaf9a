package cn.cwca.portal.payment.alipay;

import cn.cwca.portal.payment.IncomingNotification;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Alipay's open gateway, played on 127.0.0.1 for tests: it answers {@code alipay.trade.precreate},
 * {@code alipay.trade.query} and {@code alipay.trade.close} as Alipay does, checking the request's
 * RSA2 signature with the app's public key and signing its answers with its own "Alipay" key, and
 * it makes Alipay's signed notifications. Made of the JDK and Jakarta JSON only, so that it also
 * runs inside the application server (Arquillian).
 *
 * <p>Trades follow Alipay's life: a precreated trade is unknown to query and close until the buyer
 * scans it ({@link #scan}), then waits for payment until paid ({@link #pay}) or closed.
 */
public final class FakeAlipayGateway implements AutoCloseable {

  public static final String APP_ID = "2021000100000001";
  public static final String SELLER_ID = "2088100000000001";

  /** Alipay's trade states, and the fake's own for a trade nobody has scanned yet. */
  public enum TradeStatus {
    PRECREATED,
    WAIT_BUYER_PAY,
    TRADE_SUCCESS,
    TRADE_CLOSED
  }

  /**
   * A trade as the gateway keeps it: what the portal sent, and what became of it.
   *
   * @param totalAmount as the request gave it (yuan)
   * @param timeExpire as the request gave it, Beijing time
   * @param tradeNo Alipay's number, from the scan on; {@code null} before
   * @param gmtPayment when it was paid (Beijing time); {@code null} unless paid
   */
  public record Trade(
      String outTradeNo,
      String totalAmount,
      String subject,
      String timeExpire,
      String notifyUrl,
      String qrCode,
      TradeStatus status,
      String tradeNo,
      String gmtPayment) {

    Trade with(TradeStatus newStatus, String newTradeNo, String newGmtPayment) {
      return new Trade(
          outTradeNo,
          totalAmount,
          subject,
          timeExpire,
          notifyUrl,
          qrCode,
          newStatus,
          newTradeNo,
          newGmtPayment);
    }
  }

  /**
   * A notification as Alipay POSTs it to the {@code notify_url}: form parameters, {@code sign}
   * among them.
   */
  public record Notification(Map<String, String> parameters) {

    public Notification {
      parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
      return parameters.get(name);
    }

    /** The same with one parameter set, its signature left as it was (tampered with). */
    public Notification with(String name, String value) {
      Map<String, String> changed = new HashMap<>(parameters);
      changed.put(name, value);
      return new Notification(changed);
    }

    /** The same without one parameter, its signature left as it was. */
    public Notification without(String name) {
      Map<String, String> changed = new HashMap<>(parameters);
      changed.remove(name);
      return new Notification(changed);
    }

    /** The body of the POST: {@code application/x-www-form-urlencoded}, UTF-8. */
    public String formBody() {
      return new TreeMap<>(parameters)
          .entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
    }

    /** As the portal's notification endpoint hands it to the provider. */
    public IncomingNotification asIncoming() {
      return new IncomingNotification(
          Map.of("content-type", FORM_CONTENT_TYPE), formBody(), parameters);
    }
  }

  /** What the portal answered to a delivered notification. */
  public record Delivery(int status, String body) {}

  private static final String FORM_CONTENT_TYPE =
      "application/x-www-form-urlencoded; charset=utf-8";
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter ALIPAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Map<String, String> NOT_EXIST =
      Map.of("code", "40004", "msg", "Business Failed", "sub_code", "ACQ.TRADE_NOT_EXIST");

  private final HttpServer server;
  private final Map<String, Trade> trades = new ConcurrentHashMap<>();
  private final AtomicLong tradeNumbers = new AtomicLong(System.currentTimeMillis() % 1_000_000);
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean failing;
  private volatile boolean signingWithForeignKey;

  /** Starts the gateway on a free port of 127.0.0.1. */
  public FakeAlipayGateway() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/gateway.do", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/gateway.do}. */
  public String gatewayUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do";
  }

  /** Complete settings of the fake's merchant, pointing at this gateway. */
  public AlipaySettings settings() {
    return new AlipaySettings(
        APP_ID,
        SELLER_ID,
        pem("PRIVATE KEY", Keys.APP.getPrivate().getEncoded()),
        pem("PUBLIC KEY", Keys.ALIPAY.getPublic().getEncoded()),
        gatewayUrl());
  }

  /** The app's private key, bare base64 as Alipay's key tool gives it. */
  public static String appPrivateKeyBase64() {
    return Base64.getEncoder().encodeToString(Keys.APP.getPrivate().getEncoded());
  }

  /** Alipay's public key, bare base64 as Alipay's console gives it. */
  public static String alipayPublicKeyBase64() {
    return Base64.getEncoder().encodeToString(Keys.ALIPAY.getPublic().getEncoded());
  }

  /** A private key of another app, which the gateway does not know (PKCS#8, base64). */
  public static String foreignPrivateKeyBase64() {
    return Base64.getEncoder().encodeToString(Keys.FOREIGN.getPrivate().getEncoded());
  }

  /** The trade of this number, as the gateway has it. */
  public Optional<Trade> trade(String outTradeNo) {
    return Optional.ofNullable(trades.get(outTradeNo));
  }

  /** How many requests reached the gateway. */
  public long requestCount() {
    return requests.get();
  }

  /** The buyer scans the QR code: the trade becomes known, waiting for payment. */
  public Trade scan(String outTradeNo) {
    return trades.compute(
        outTradeNo,
        (no, trade) -> {
          Trade existing = existing(no, trade);
          return existing.status() == TradeStatus.PRECREATED
              ? existing.with(TradeStatus.WAIT_BUYER_PAY, newTradeNo(), null)
              : existing;
        });
  }

  /**
   * The buyer pays (scanning first if need be).
   *
   * @return the notification Alipay sends for it, signed
   */
  public Notification pay(String outTradeNo) {
    Trade scanned = scan(outTradeNo);
    if (scanned.status() != TradeStatus.WAIT_BUYER_PAY) {
      throw new IllegalStateException(outTradeNo + " cannot be paid: " + scanned.status());
    }
    String paidAt = ALIPAY_TIME.format(LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS));
    Trade paid = scanned.with(TradeStatus.TRADE_SUCCESS, scanned.tradeNo(), paidAt);
    trades.put(outTradeNo, paid);
    return notificationOf(paid);
  }

  /** The trade times out at Alipay (or the merchant closed it elsewhere). */
  public Trade expire(String outTradeNo) {
    Trade scanned = scan(outTradeNo);
    Trade closed = scanned.with(TradeStatus.TRADE_CLOSED, scanned.tradeNo(), null);
    trades.put(outTradeNo, closed);
    return closed;
  }

  /** The notification Alipay sends of a trade in its present state, signed. */
  public Notification notificationOf(Trade trade) {
    String now = ALIPAY_TIME.format(LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("notify_time", now);
    parameters.put("notify_type", "trade_status_sync");
    parameters.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
    parameters.put("app_id", APP_ID);
    parameters.put("auth_app_id", APP_ID);
    parameters.put("charset", "utf-8");
    parameters.put("version", "1.0");
    parameters.put("sign_type", "RSA2");
    parameters.put("trade_no", trade.tradeNo());
    parameters.put("out_trade_no", trade.outTradeNo());
    parameters.put("total_amount", trade.totalAmount());
    parameters.put("receipt_amount", trade.totalAmount());
    parameters.put("buyer_pay_amount", trade.totalAmount());
    parameters.put("invoice_amount", trade.totalAmount());
    parameters.put("point_amount", "0.00");
    parameters.put("subject", trade.subject());
    parameters.put("seller_id", SELLER_ID);
    parameters.put("seller_email", "finance@example.cn");
    parameters.put("buyer_id", "2088102177846880");
    parameters.put("buyer_logon_id", "159****5620");
    parameters.put("trade_status", trade.status().name());
    parameters.put("gmt_create", now);
    if (trade.gmtPayment() != null) {
      parameters.put("gmt_payment", trade.gmtPayment());
    }
    parameters.values().removeIf(value -> value == null);
    return signed(parameters);
  }

  /** Any parameters, signed with Alipay's key as Alipay signs a notification. */
  public Notification signed(Map<String, String> parameters) {
    return signedWith(Keys.ALIPAY.getPrivate(), parameters);
  }

  /** A notification signed anew with Alipay's key, after a change (another amount, seller…). */
  public Notification signed(Notification notification) {
    return signed(notification.parameters());
  }

  /** The parameters signed with a key that is not Alipay's. */
  public Notification forgedNotification(Map<String, String> parameters) {
    return signedWith(Keys.FOREIGN.getPrivate(), parameters);
  }

  /** Whether the gateway answers every request with HTTP 500. */
  public void failWithServerError(boolean failing) {
    this.failing = failing;
  }

  /** Whether the gateway signs its answers with a key that is not Alipay's. */
  public void signAnswersWithForeignKey(boolean foreign) {
    this.signingWithForeignKey = foreign;
  }

  /** POSTs a notification to the portal as Alipay does. */
  public Delivery deliver(Notification notification, URI notifyUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(notifyUrl)
            .header("Content-Type", FORM_CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(notification.formBody()))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Delivery(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering a notification", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      requests.incrementAndGet();
      if (failing) {
        respond(exchange, 500, "text/html", "<html><body>500 Internal Server Error</body></html>");
        return;
      }
      Map<String, String> parameters = new HashMap<>(formParameters(exchange.getRequestURI()));
      parameters.putAll(
          formParameters(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      String method = parameters.getOrDefault("method", "");
      Map<String, String> answer = answer(method, parameters);
      String node = method.isEmpty() ? "error_response" : method.replace('.', '_') + "_response";
      String content = json(answer);
      PrivateKey signer =
          signingWithForeignKey ? Keys.FOREIGN.getPrivate() : Keys.ALIPAY.getPrivate();
      // Written out, so that the answer node is exactly the text that was signed.
      String body = "{\"" + node + "\":" + content + ",\"sign\":\"" + sign(signer, content) + "\"}";
      respond(exchange, 200, "application/json;charset=utf-8", body);
    } catch (RuntimeException e) {
      respond(exchange, 500, "text/plain", "fake gateway: " + e);
    } finally {
      exchange.close();
    }
  }

  private Map<String, String> answer(String method, Map<String, String> parameters) {
    if (!signatureVerifies(parameters)) {
      return Map.of(
          "code", "40002",
          "msg", "Invalid Arguments",
          "sub_code", "isv.invalid-signature",
          "sub_msg", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配");
    }
    if (!APP_ID.equals(parameters.get("app_id"))) {
      return Map.of(
          "code", "40002",
          "msg", "Invalid Arguments",
          "sub_code", "isv.invalid-app-id",
          "sub_msg", "无效的AppID参数");
    }
    JsonObject biz;
    try (JsonReader reader =
        Json.createReader(new StringReader(parameters.getOrDefault("biz_content", "{}")))) {
      biz = reader.readObject();
    } catch (JsonException e) {
      return Map.of("code", "40002", "msg", "Invalid Arguments", "sub_code", "isv.invalid-biz");
    }
    String outTradeNo = biz.getString("out_trade_no", null);
    if (outTradeNo == null) {
      return Map.of(
          "code", "40002",
          "msg", "Invalid Arguments",
          "sub_code", "isv.missing-out-trade-no");
    }
    return switch (method) {
      case "alipay.trade.precreate" -> precreate(outTradeNo, biz, parameters.get("notify_url"));
      case "alipay.trade.query" -> query(outTradeNo);
      case "alipay.trade.close" -> close(outTradeNo);
      default ->
          Map.of("code", "40002", "msg", "Invalid Arguments", "sub_code", "isv.invalid-method");
    };
  }

  private Map<String, String> precreate(String outTradeNo, JsonObject biz, String notifyUrl) {
    String amount = biz.getString("total_amount", "");
    if (!amount.matches("\\d+(\\.\\d{1,2})?")) {
      return Map.of(
          "code", "40002", "msg", "Invalid Arguments", "sub_code", "isv.invalid-total-amount");
    }
    Trade requested =
        new Trade(
            outTradeNo,
            amount,
            biz.getString("subject", null),
            biz.getString("time_expire", null),
            notifyUrl,
            "https://qr.alipay.com/bax0" + UUID.randomUUID().toString().replace("-", ""),
            TradeStatus.PRECREATED,
            null,
            null);
    Trade trade = trades.putIfAbsent(outTradeNo, requested);
    if (trade == null) {
      trade = requested;
    } else if (!trade.totalAmount().equals(amount)) {
      return Map.of(
          "code", "40004",
          "msg", "Business Failed",
          "sub_code", "ACQ.CONTEXT_INCONSISTENT",
          "sub_msg", "交易信息被篡改");
    }
    return Map.of(
        "code", "10000", "msg", "Success", "out_trade_no", outTradeNo, "qr_code", trade.qrCode());
  }

  private Map<String, String> query(String outTradeNo) {
    Trade trade = trades.get(outTradeNo);
    if (trade == null || trade.status() == TradeStatus.PRECREATED) {
      return withSubMsg(NOT_EXIST, "交易不存在");
    }
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("code", "10000");
    answer.put("msg", "Success");
    answer.put("buyer_logon_id", "159****5620");
    answer.put("out_trade_no", outTradeNo);
    answer.put("trade_no", trade.tradeNo());
    answer.put("trade_status", trade.status().name());
    answer.put("total_amount", trade.totalAmount());
    if (trade.status() == TradeStatus.TRADE_SUCCESS) {
      answer.put("buyer_pay_amount", trade.totalAmount());
      answer.put("receipt_amount", trade.totalAmount());
      answer.put("send_pay_date", trade.gmtPayment());
    }
    return answer;
  }

  private Map<String, String> close(String outTradeNo) {
    Trade trade = trades.get(outTradeNo);
    if (trade == null || trade.status() == TradeStatus.PRECREATED) {
      return withSubMsg(NOT_EXIST, "交易不存在");
    }
    if (trade.status() != TradeStatus.WAIT_BUYER_PAY) {
      return Map.of(
          "code", "40004",
          "msg", "Business Failed",
          "sub_code", "ACQ.TRADE_STATUS_ERROR",
          "sub_msg", "交易状态不合法");
    }
    trades.put(outTradeNo, trade.with(TradeStatus.TRADE_CLOSED, trade.tradeNo(), null));
    return Map.of(
        "code", "10000", "msg", "Success", "out_trade_no", outTradeNo, "trade_no", trade.tradeNo());
  }

  /** The request's signature: every parameter but {@code sign}, sorted, with the app's key. */
  private static boolean signatureVerifies(Map<String, String> parameters) {
    String sign = parameters.get("sign");
    if (sign == null || sign.isEmpty()) {
      return false;
    }
    Map<String, String> signed = new TreeMap<>(parameters);
    signed.remove("sign");
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(Keys.APP.getPublic());
      verifier.update(signContent(signed).getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(sign));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A notification's signature: every parameter but {@code sign} and {@code sign_type}. */
  private static Notification signedWith(PrivateKey key, Map<String, String> parameters) {
    Map<String, String> content = new TreeMap<>(parameters);
    content.remove("sign");
    content.remove("sign_type");
    Map<String, String> signed = new HashMap<>(parameters);
    signed.put("sign", sign(key, signContent(content)));
    return new Notification(signed);
  }

  private static String signContent(Map<String, String> sorted) {
    return sorted.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  private static String sign(PrivateKey key, String content) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact JSON, exactly the text the signature covers. */
  private static String json(Map<String, String> members) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    members.forEach(object::add);
    return object.build().toString();
  }

  private static Map<String, String> formParameters(URI uri) {
    return formParameters(uri.getRawQuery());
  }

  private static Map<String, String> formParameters(String form) {
    Map<String, String> parameters = new HashMap<>();
    if (form == null || form.isEmpty()) {
      return parameters;
    }
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> withSubMsg(Map<String, String> answer, String subMsg) {
    Map<String, String> withMessage = new LinkedHashMap<>(answer);
    withMessage.put("sub_msg", subMsg);
    return withMessage;
  }

  private static Trade existing(String outTradeNo, Trade trade) {
    if (trade == null) {
      throw new IllegalStateException("no trade " + outTradeNo + " was precreated");
    }
    return trade;
  }

  private String newTradeNo() {
    return LocalDateTime.now(BEIJING).format(DateTimeFormatter.BASIC_ISO_DATE)
        + "22001"
        + String.format("%013d", tradeNumbers.incrementAndGet());
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /** The keys, made once per JVM (RSA-2048 key generation is slow). */
  private static final class Keys {
    static final KeyPair ALIPAY = generate();
    static final KeyPair APP = generate();
    static final KeyPair FOREIGN = generate();

    private static KeyPair generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
