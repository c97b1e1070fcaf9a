package cn.cwca.portal.payment.sandbox;

import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationRejectedException;
import cn.cwca.portal.payment.VerifiedNotification;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's notifications: a JSON body like a provider's (out_trade_no, transaction_id, mchid,
 * amount in fen, trade_state, success_time) and its HMAC-SHA256 under the sandbox's secret in the
 * header {@value #SIGNATURE_HEADER}.
 */
public final class SandboxNotifications {

  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "Sandbox-Signature";

  private SandboxNotifications() {}

  /** The body of a notification that a sandbox payment succeeded. */
  public static String body(
      String notificationId,
      String outTradeNo,
      String transactionId,
      long amountFen,
      OffsetDateTime paidAt) {
    return Json.createObjectBuilder()
        .add("id", notificationId)
        .add("out_trade_no", outTradeNo)
        .add("transaction_id", transactionId)
        .add("mchid", SandboxProvider.MERCHANT)
        .add("amount", amountFen)
        .add("trade_state", "SUCCESS")
        .add("success_time", paidAt.toString())
        .build()
        .toString();
  }

  /** The signature of a body under a secret. */
  public static String sign(String body, String secret) {
    return Base64.getEncoder().encodeToString(mac(body, secret));
  }

  static VerifiedNotification verify(IncomingNotification n, String secret)
      throws NotificationRejectedException {
    String signature = n.header(SIGNATURE_HEADER);
    if (signature == null) {
      throw new NotificationRejectedException("no signature");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.strip());
    } catch (IllegalArgumentException e) {
      throw new NotificationRejectedException("signature not base64");
    }
    if (!MessageDigest.isEqual(given, mac(n.body(), secret))) {
      throw new NotificationRejectedException("bad signature");
    }
    try (JsonReader reader = Json.createReader(new StringReader(n.body()))) {
      JsonObject o = reader.readObject();
      return new VerifiedNotification(
          o.getString("id"),
          o.getString("out_trade_no"),
          o.getString("transaction_id"),
          o.getString("mchid"),
          o.getJsonNumber("amount").longValueExact(),
          "SUCCESS".equals(o.getString("trade_state")),
          OffsetDateTime.parse(o.getString("success_time")));
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | ArithmeticException
        | DateTimeParseException e) {
      throw new NotificationRejectedException("unreadable body");
    }
  }

  private static byte[] mac(String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is in every Java platform", e);
    }
  }
}
