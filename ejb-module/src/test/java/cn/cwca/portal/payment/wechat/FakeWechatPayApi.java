package cn.cwca.portal.payment.wechat;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.cwca.portal.payment.IncomingNotification;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A WeChat Pay API v3 on 127.0.0.1 that signs like the real one: the Native prepay, the order query
 * and close, each request's merchant signature checked and each answer signed with a platform key
 * of its own, and the payment notifications WeChat Pay would send, encrypted with its APIv3 key.
 * For the unit tests and for the integration tests inside the application server, so it uses only
 * the JDK, Bouncy Castle (for its platform certificate) and Gson.
 *
 * <p>The JDK's server writes header names its own way ({@code Wechatpay-timestamp}); HTTP header
 * names are case-insensitive, and the provider reads them so.
 */
public final class FakeWechatPayApi implements AutoCloseable {

  public static final String MCH_ID = "1900000109";
  public static final String APP_ID = "wxd678efh567hg6787";

  private static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
  private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter RFC_3339_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final Pattern ORDER_PATH =
      Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)(/close)?");
  private static final Pattern AUTHORIZATION_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final KeyPair platformKeys;
  private final X509Certificate platformCertificate;
  private final String platformSerial;
  private final KeyPair merchantKeys;
  private final String merchantSerial;
  private final String apiV3Key;
  private final HttpServer server;
  private final Map<String, RecordedOrder> orders = new ConcurrentHashMap<>();
  private volatile int failureStatus;
  private volatile boolean signAnswersWithForeignKey;
  private KeyPair foreignKeys;

  private FakeWechatPayApi() throws IOException {
    platformKeys = rsaKeyPair();
    platformCertificate = selfSigned(platformKeys);
    platformSerial = platformCertificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    merchantKeys = rsaKeyPair();
    merchantSerial = new BigInteger(160, RANDOM).toString(16).toUpperCase(Locale.ROOT);
    apiV3Key = randomString(32);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake on a free port of 127.0.0.1, with fresh keys. */
  public static FakeWechatPayApi start() {
    try {
      return new FakeWechatPayApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Complete settings of a merchant at this fake. */
  public WechatPaySettings settings() {
    return new WechatPaySettings(
        MCH_ID,
        APP_ID,
        merchantSerial,
        pem("PRIVATE KEY", merchantKeys.getPrivate().getEncoded()),
        apiV3Key,
        List.of(platformCertificatePem()),
        baseUri().toString());
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String platformCertificatePem() {
    try {
      return pem("CERTIFICATE", platformCertificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String platformSerial() {
    return platformSerial;
  }

  public String apiV3Key() {
    return apiV3Key;
  }

  /** An order as the fake holds it: as prepaid, and what became of it since. */
  public Optional<RecordedOrder> order(String outTradeNo) {
    return Optional.ofNullable(orders.get(outTradeNo));
  }

  /** Sets an order's {@code trade_state} (REFUND, REVOKED, USERPAYING, ...) as WeChat Pay would. */
  public void setTradeState(String outTradeNo, String tradeState) {
    orders.computeIfPresent(outTradeNo, (no, order) -> order.withTradeState(tradeState));
  }

  /**
   * The payer pays: the order becomes SUCCESS with a transaction id, and this is the notification
   * WeChat Pay sends to its {@code notify_url}.
   */
  public Notification pay(String outTradeNo) {
    RecordedOrder before = orders.get(outTradeNo);
    if (before != null && !List.of("NOTPAY", "USERPAYING").contains(before.tradeState())) {
      throw new IllegalStateException(
          "order " + outTradeNo + " is " + before.tradeState() + ", it cannot be paid");
    }
    RecordedOrder order =
        orders.computeIfPresent(
            outTradeNo,
            (no, recorded) ->
                recorded.paid(
                    newTransactionId(),
                    RFC_3339_SECONDS.format(
                        OffsetDateTime.now(CHINA_STANDARD_TIME).truncatedTo(ChronoUnit.SECONDS))));
    if (order == null) {
      throw new IllegalArgumentException("no order " + outTradeNo + " at the fake WeChat Pay");
    }
    return notificationFor(
        new NotifiedTransaction(
            order.mchId(),
            order.appId(),
            order.outTradeNo(),
            order.transactionId(),
            "SUCCESS",
            order.amountFen(),
            order.successTime()));
  }

  /** A notification of any transaction, signed and encrypted as WeChat Pay does. */
  public Notification notificationFor(NotifiedTransaction transaction) {
    return notification(transaction).build();
  }

  /** A notification signed with a key that is not the platform's, under the platform's serial. */
  public Notification forgedNotification(NotifiedTransaction transaction) {
    return notification(transaction).signedWithForeignKey().build();
  }

  /** A notification to adjust before it is built (wrong key, stale timestamp, ...). */
  public NotificationDraft notification(NotifiedTransaction transaction) {
    return new NotificationDraft(transaction);
  }

  /** Any body, signed with the platform key as a notification (an unreadable one, say). */
  public Notification signedNotification(String body) {
    return signed(body, platformKeys.getPrivate(), platformSerial, Instant.now());
  }

  /** From now on every API call is answered with this status and WeChat Pay's SYSTEM_ERROR. */
  public void failWith(int status) {
    failureStatus = status;
  }

  /** From now on the answers are signed with a key that is not the platform's. */
  public void signAnswersWithForeignKey() {
    signAnswersWithForeignKey = true;
  }

  /** Back to correct answers. */
  public void answerNormally() {
    failureStatus = 0;
    signAnswersWithForeignKey = false;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** POSTs a notification to a URL as WeChat Pay does, and returns what the URL answered. */
  public static Delivery deliver(Notification notification, URI url) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(notification.body(), UTF_8));
    notification.headers().forEach(request::header);
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
      return new Delivery(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering a notification", e);
    }
  }

  /**
   * What a notification says of a transaction (the decrypted {@code resource}).
   *
   * @param tradeState SUCCESS for a payment; any of WeChat Pay's other states
   * @param successTime RFC 3339, {@code null} unless paid
   */
  public record NotifiedTransaction(
      String mchId,
      String appId,
      String outTradeNo,
      String transactionId,
      String tradeState,
      long amountFen,
      String successTime) {

    /** A payment of this fake's merchant, just made. */
    public static NotifiedTransaction paid(String outTradeNo, long amountFen) {
      return new NotifiedTransaction(
          MCH_ID,
          APP_ID,
          outTradeNo,
          newTransactionId(),
          "SUCCESS",
          amountFen,
          RFC_3339_SECONDS.format(
              OffsetDateTime.now(CHINA_STANDARD_TIME).truncatedTo(ChronoUnit.SECONDS)));
    }

    public NotifiedTransaction withMchId(String otherMchId) {
      return new NotifiedTransaction(
          otherMchId, appId, outTradeNo, transactionId, tradeState, amountFen, successTime);
    }

    public NotifiedTransaction withAmountFen(long otherAmountFen) {
      return new NotifiedTransaction(
          mchId, appId, outTradeNo, transactionId, tradeState, otherAmountFen, successTime);
    }
  }

  /**
   * A notification as WeChat Pay POSTs it.
   *
   * @param headers the headers, as WeChat Pay spells them
   * @param body the JSON envelope
   */
  public record Notification(Map<String, String> headers, String body) {

    public Notification {
      headers = Map.copyOf(headers);
    }

    /** As the portal receives it. */
    public IncomingNotification incoming() {
      return new IncomingNotification(headers, body, Map.of());
    }

    public Notification withoutHeader(String name) {
      Map<String, String> fewer = new LinkedHashMap<>(headers);
      fewer.keySet().removeIf(name::equalsIgnoreCase);
      return new Notification(fewer, body);
    }
  }

  /** What the portal answered to a delivered notification. */
  public record Delivery(int status, String body) {}

  /** An order as prepaid at the fake, and its state since. */
  public record RecordedOrder(
      String appId,
      String mchId,
      String outTradeNo,
      String description,
      long amountFen,
      String currency,
      String timeExpire,
      String notifyUrl,
      String codeUrl,
      String tradeState,
      String transactionId,
      String successTime) {

    RecordedOrder withTradeState(String state) {
      return new RecordedOrder(
          appId,
          mchId,
          outTradeNo,
          description,
          amountFen,
          currency,
          timeExpire,
          notifyUrl,
          codeUrl,
          state,
          transactionId,
          successTime);
    }

    RecordedOrder paid(String newTransactionId, String paidAt) {
      return new RecordedOrder(
          appId,
          mchId,
          outTradeNo,
          description,
          amountFen,
          currency,
          timeExpire,
          notifyUrl,
          codeUrl,
          "SUCCESS",
          newTransactionId,
          paidAt);
    }
  }

  /** A notification being made: by default exactly as WeChat Pay makes it. */
  public final class NotificationDraft {

    private final NotifiedTransaction transaction;
    private String encryptionKey = apiV3Key;
    private boolean tamperCiphertext;
    private PrivateKey signingKey = platformKeys.getPrivate();
    private String serial = platformSerial;
    private Instant signedAt = Instant.now();

    private NotificationDraft(NotifiedTransaction transaction) {
      this.transaction = transaction;
    }

    public NotificationDraft encryptedWithApiV3Key(String otherKey) {
      encryptionKey = otherKey;
      return this;
    }

    /** One bit of the ciphertext flipped, the notification signed afterwards. */
    public NotificationDraft withTamperedCiphertext() {
      tamperCiphertext = true;
      return this;
    }

    public NotificationDraft signedWithForeignKey() {
      signingKey = foreignKey();
      return this;
    }

    /** The {@code Wechatpay-Serial} it names (the signature stays the platform key's). */
    public NotificationDraft withSerial(String otherSerial) {
      serial = otherSerial;
      return this;
    }

    public NotificationDraft signedAt(Instant time) {
      signedAt = time;
      return this;
    }

    public Notification build() {
      String nonce = randomString(12);
      byte[] ciphertext =
          aesGcm(encryptionKey, nonce, "transaction", resourceJson(transaction).getBytes(UTF_8));
      if (tamperCiphertext) {
        ciphertext[ciphertext.length / 2] ^= 0x01;
      }
      JsonObject resource = new JsonObject();
      resource.addProperty("original_type", "transaction");
      resource.addProperty("algorithm", "AEAD_AES_256_GCM");
      resource.addProperty("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
      resource.addProperty("associated_data", "transaction");
      resource.addProperty("nonce", nonce);
      JsonObject envelope = new JsonObject();
      envelope.addProperty("id", UUID.randomUUID().toString());
      envelope.addProperty(
          "create_time", RFC_3339_SECONDS.format(signedAt.atOffset(CHINA_STANDARD_TIME)));
      envelope.addProperty("resource_type", "encrypt-resource");
      envelope.addProperty("event_type", "TRANSACTION.SUCCESS");
      envelope.addProperty("summary", "支付成功");
      envelope.add("resource", resource);
      return signed(GSON.toJson(envelope), signingKey, serial, signedAt);
    }
  }

  private Notification signed(String body, PrivateKey key, String serial, Instant time) {
    String timestamp = Long.toString(time.getEpochSecond());
    String nonce = randomString(32);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Wechatpay-Serial", serial);
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Signature-Type", SIGN_TYPE);
    headers.put("Wechatpay-Signature", sign(key, timestamp + "\n" + nonce + "\n" + body + "\n"));
    return new Notification(headers, body);
  }

  private static String resourceJson(NotifiedTransaction transaction) {
    JsonObject json = new JsonObject();
    json.addProperty("mchid", transaction.mchId());
    json.addProperty("appid", transaction.appId());
    json.addProperty("out_trade_no", transaction.outTradeNo());
    json.addProperty("transaction_id", transaction.transactionId());
    json.addProperty("trade_type", "NATIVE");
    json.addProperty("trade_state", transaction.tradeState());
    json.addProperty("trade_state_desc", tradeStateDescription(transaction.tradeState()));
    json.addProperty("bank_type", "OTHERS");
    json.addProperty("attach", "");
    if (transaction.successTime() != null) {
      json.addProperty("success_time", transaction.successTime());
    }
    JsonObject payer = new JsonObject();
    payer.addProperty("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    json.add("payer", payer);
    json.add("amount", amountJson(transaction.amountFen(), true));
    return GSON.toJson(json);
  }

  private static JsonObject amountJson(long amountFen, boolean paid) {
    JsonObject amount = new JsonObject();
    amount.addProperty("total", amountFen);
    amount.addProperty("currency", "CNY");
    if (paid) {
      amount.addProperty("payer_total", amountFen);
      amount.addProperty("payer_currency", "CNY");
    }
    return amount;
  }

  private static String tradeStateDescription(String tradeState) {
    return switch (tradeState) {
      case "SUCCESS" -> "支付成功";
      case "NOTPAY" -> "订单未支付";
      case "CLOSED" -> "订单已关闭";
      case "REFUND" -> "转入退款";
      case "USERPAYING" -> "用户支付中";
      case "REVOKED" -> "已撤销";
      case "PAYERROR" -> "支付失败";
      default -> tradeState;
    };
  }

  // The API.

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Answer answer;
      try {
        answer = answer(exchange, readBody(exchange.getRequestBody()));
      } catch (RuntimeException e) {
        answer = error(500, "SYSTEM_ERROR", "fake: " + e);
      }
      send(exchange, answer);
    } finally {
      exchange.close();
    }
  }

  private Answer answer(HttpExchange exchange, String body) {
    if (failureStatus != 0) {
      return error(failureStatus, "SYSTEM_ERROR", "系统错误");
    }
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String signedPath =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    if (!signedByMerchant(
        exchange.getRequestHeaders().getFirst("Authorization"), method, signedPath, body)) {
      return error(401, "SIGN_ERROR", "签名错误");
    }
    String path = uri.getRawPath();
    if (method.equals("POST") && path.equals("/v3/pay/transactions/native")) {
      return prepay(body);
    }
    Matcher order = ORDER_PATH.matcher(path);
    if (order.matches() && method.equals("GET") && order.group(2) == null) {
      return query(order.group(1), queryParameter(uri, "mchid"));
    }
    if (order.matches() && method.equals("POST") && order.group(2) != null) {
      return close(order.group(1), body);
    }
    return error(404, "NOT_FOUND", "no such API at the fake: " + method + " " + path);
  }

  private Answer prepay(String body) {
    JsonObject request;
    try {
      request = JsonParser.parseString(body).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return error(400, "PARAM_ERROR", "请求体不是JSON");
    }
    String mchId = string(request, "mchid");
    String appId = string(request, "appid");
    if (!MCH_ID.equals(mchId) || !APP_ID.equals(appId)) {
      return error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
    }
    JsonObject amount = request.has("amount") ? request.getAsJsonObject("amount") : null;
    String outTradeNo = string(request, "out_trade_no");
    String description = string(request, "description");
    String notifyUrl = string(request, "notify_url");
    if (outTradeNo == null
        || description == null
        || notifyUrl == null
        || amount == null
        || !amount.has("total")
        || amount.get("total").getAsLong() <= 0) {
      return error(400, "PARAM_ERROR", "参数错误");
    }
    RecordedOrder candidate =
        new RecordedOrder(
            appId,
            mchId,
            outTradeNo,
            description,
            amount.get("total").getAsLong(),
            amount.has("currency") ? amount.get("currency").getAsString() : "CNY",
            string(request, "time_expire"),
            notifyUrl,
            "weixin://wxpay/bizpayurl?pr=" + randomString(7),
            "NOTPAY",
            null,
            null);
    RecordedOrder recorded = orders.putIfAbsent(outTradeNo, candidate);
    if (recorded != null
        && (recorded.amountFen() != candidate.amountFen()
            || !recorded.description().equals(candidate.description()))) {
      return error(400, "INVALID_REQUEST", "201 商户订单号重复");
    }
    JsonObject answer = new JsonObject();
    answer.addProperty("code_url", (recorded == null ? candidate : recorded).codeUrl());
    return new Answer(200, GSON.toJson(answer));
  }

  private Answer query(String outTradeNo, String mchId) {
    RecordedOrder order = orders.get(outTradeNo);
    if (order == null || !MCH_ID.equals(mchId)) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在");
    }
    boolean paid = order.transactionId() != null;
    JsonObject json = new JsonObject();
    json.addProperty("appid", order.appId());
    json.addProperty("mchid", order.mchId());
    json.addProperty("out_trade_no", order.outTradeNo());
    json.addProperty("trade_state", order.tradeState());
    json.addProperty("trade_state_desc", tradeStateDescription(order.tradeState()));
    if (paid) {
      json.addProperty("transaction_id", order.transactionId());
      json.addProperty("trade_type", "NATIVE");
      json.addProperty("bank_type", "OTHERS");
      json.addProperty("attach", "");
      json.addProperty("success_time", order.successTime());
      JsonObject payer = new JsonObject();
      payer.addProperty("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
      json.add("payer", payer);
    }
    json.add("amount", amountJson(order.amountFen(), paid));
    return new Answer(200, GSON.toJson(json));
  }

  private Answer close(String outTradeNo, String body) {
    String mchId;
    try {
      mchId = string(JsonParser.parseString(body).getAsJsonObject(), "mchid");
    } catch (JsonParseException | IllegalStateException e) {
      return error(400, "PARAM_ERROR", "请求体不是JSON");
    }
    RecordedOrder order = orders.get(outTradeNo);
    if (order == null || !MCH_ID.equals(mchId)) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在");
    }
    if ("SUCCESS".equals(order.tradeState()) || "REFUND".equals(order.tradeState())) {
      return error(400, "ORDERPAID", "订单已支付");
    }
    orders.computeIfPresent(outTradeNo, (no, recorded) -> recorded.withTradeState("CLOSED"));
    return new Answer(204, "");
  }

  private boolean signedByMerchant(String authorization, String method, String path, String body) {
    String prefix = SIGN_TYPE + " ";
    if (authorization == null || !authorization.startsWith(prefix)) {
      return false;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = AUTHORIZATION_PARAMETER.matcher(authorization.substring(prefix.length()));
    while (matcher.find()) {
      parameters.put(matcher.group(1), matcher.group(2));
    }
    if (!MCH_ID.equals(parameters.get("mchid"))
        || !merchantSerial.equals(parameters.get("serial_no"))
        || parameters.get("signature") == null) {
      return false;
    }
    String message =
        method
            + "\n"
            + path
            + "\n"
            + parameters.get("timestamp")
            + "\n"
            + parameters.get("nonce_str")
            + "\n"
            + body
            + "\n";
    return verifies(merchantKeys.getPublic(), message, parameters.get("signature"));
  }

  /** Signed like WeChat Pay's answers: over timestamp, nonce and body, with the platform key. */
  private void send(HttpExchange exchange, Answer answer) throws IOException {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = randomString(32);
    PrivateKey key = signAnswersWithForeignKey ? foreignKey() : platformKeys.getPrivate();
    var headers = exchange.getResponseHeaders();
    headers.set("Request-ID", UUID.randomUUID().toString());
    headers.set("Wechatpay-Timestamp", timestamp);
    headers.set("Wechatpay-Nonce", nonce);
    headers.set("Wechatpay-Serial", platformSerial);
    headers.set(
        "Wechatpay-Signature", sign(key, timestamp + "\n" + nonce + "\n" + answer.body() + "\n"));
    byte[] bytes = answer.body().getBytes(UTF_8);
    if (bytes.length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    headers.set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, String body) {}

  private static Answer error(int status, String code, String message) {
    JsonObject json = new JsonObject();
    json.addProperty("code", code);
    json.addProperty("message", message);
    return new Answer(status, GSON.toJson(json));
  }

  private static String readBody(InputStream in) throws IOException {
    return new String(in.readAllBytes(), UTF_8);
  }

  private static String queryParameter(URI uri, String name) {
    String query = uri.getQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  private static String string(JsonObject json, String member) {
    return json.has(member) && !json.get(member).isJsonNull()
        ? json.get(member).getAsString()
        : null;
  }

  // Keys, signatures, encryption.

  /** A key that is not the platform's, made once when first needed (keys take a while). */
  private synchronized PrivateKey foreignKey() {
    if (foreignKeys == null) {
      foreignKeys = rsaKeyPair();
    }
    return foreignKeys.getPrivate();
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate selfSigned(KeyPair keys) {
    X500Name name =
        new X500Name("CN=Fake WeChat Pay platform, OU=Tenpay.com CA Center, O=Tenpay.com, C=CN");
    Instant now = Instant.now();
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              new JcaX509v3CertificateBuilder(
                      name,
                      new BigInteger(128, RANDOM).setBit(127),
                      Date.from(now.minus(Duration.ofDays(1))),
                      Date.from(now.plus(Duration.ofDays(5 * 365))),
                      name,
                      keys.getPublic())
                  .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(PrivateKey key, String message) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(message.getBytes(UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean verifies(PublicKey key, String message, String signatureBase64) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key);
      signature.update(message.getBytes(UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** AES-256-GCM as WeChat Pay encrypts a resource: the key and the nonce used as UTF-8 text. */
  private static byte[] aesGcm(String key, String nonce, String associatedData, byte[] plaintext) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key.getBytes(UTF_8), "AES"),
          new GCMParameterSpec(128, nonce.getBytes(UTF_8)));
      cipher.updateAAD(associatedData.getBytes(UTF_8));
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String randomString(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }

  private static String newTransactionId() {
    StringBuilder id = new StringBuilder("42000");
    for (int i = 0; i < 23; i++) {
      id.append(RANDOM.nextInt(10));
    }
    return id.toString();
  }
}
