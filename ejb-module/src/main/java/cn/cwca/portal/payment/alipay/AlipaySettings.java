package cn.cwca.portal.payment.alipay;

import cn.cwca.portal.common.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The portal's merchant at Alipay (public-key mode, RSA2): its app, its PID and the two keys that
 * sign what goes each way. Keys are kept as PEM; a bare base64 key, as Alipay's key tool and
 * console give it, is armoured on the way in.
 *
 * @param appId the app's id on Alipay's open platform (APPID)
 * @param sellerId the merchant's PID (2088…), the seller a notification must name
 * @param appPrivateKeyPem the app's RSA private key (应用私钥), PKCS#8; signs the requests
 * @param alipayPublicKeyPem Alipay's public key (支付宝公钥, not the app's own); verifies responses and
 *     notifications
 * @param gatewayUrl Alipay's open gateway; {@value #DEFAULT_GATEWAY_URL} unless set
 */
public record AlipaySettings(
    String appId,
    String sellerId,
    String appPrivateKeyPem,
    String alipayPublicKeyPem,
    String gatewayUrl) {

  /** System property: the app's id (APPID). */
  public static final String APP_ID = "caportal.payment.alipay.appId";

  /** System property: the merchant's PID (2088…). */
  public static final String SELLER_ID = "caportal.payment.alipay.sellerId";

  /** System property: the path of a file holding Alipay's public key, PEM or bare base64. */
  public static final String ALIPAY_PUBLIC_KEY_FILE = "caportal.payment.alipay.alipayPublicKeyFile";

  /** System property, optional: the gateway (Alipay's sandbox, a test double). */
  public static final String GATEWAY_URL = "caportal.payment.alipay.gatewayUrl";

  /** Password alias: the app's private key, PKCS#8, bare base64 or PEM. */
  public static final String APP_PRIVATE_KEY_ALIAS = "caportal-alipay-app-private-key";

  public static final String DEFAULT_GATEWAY_URL = "https://openapi.alipay.com/gateway.do";

  static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";
  static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";

  private static final Logger LOG = Logger.getLogger(AlipaySettings.class.getName());
  private static final int PEM_LINE_LENGTH = 64;
  private static final Set<String> UNREADABLE_KEY_FILES_REPORTED = ConcurrentHashMap.newKeySet();

  public AlipaySettings {
    appId = blankToNull(appId);
    sellerId = blankToNull(sellerId);
    appPrivateKeyPem = armoured(PRIVATE_KEY_LABEL, appPrivateKeyPem);
    alipayPublicKeyPem = armoured(PUBLIC_KEY_LABEL, alipayPublicKeyPem);
    gatewayUrl =
        gatewayUrl == null || gatewayUrl.isBlank() ? DEFAULT_GATEWAY_URL : gatewayUrl.strip();
  }

  /**
   * The settings of this server, read now (see {@link Settings}): the system properties {@value
   * #APP_ID}, {@value #SELLER_ID}, {@value #ALIPAY_PUBLIC_KEY_FILE} and {@value #GATEWAY_URL}, and
   * the password alias {@value #APP_PRIVATE_KEY_ALIAS}. What is missing or unreadable is left
   * {@code null}, so that {@link #isComplete()} tells.
   */
  public static AlipaySettings configured() {
    return new AlipaySettings(
        Settings.value(APP_ID).orElse(null),
        Settings.value(SELLER_ID).orElse(null),
        Settings.value(APP_PRIVATE_KEY_ALIAS).orElse(null),
        Settings.value(ALIPAY_PUBLIC_KEY_FILE).flatMap(AlipaySettings::readKeyFile).orElse(null),
        Settings.value(GATEWAY_URL).orElse(null));
  }

  /** Whether everything Alipay needs is set (the keys are checked when they are first used). */
  public boolean isComplete() {
    return missingSettings().isEmpty();
  }

  /** The names of the settings that are not set, for the log. */
  public List<String> missingSettings() {
    List<String> missing = new ArrayList<>();
    if (appId == null) {
      missing.add(APP_ID);
    }
    if (sellerId == null) {
      missing.add(SELLER_ID);
    }
    if (alipayPublicKeyPem == null) {
      missing.add(ALIPAY_PUBLIC_KEY_FILE);
    }
    if (appPrivateKeyPem == null) {
      missing.add(APP_PRIVATE_KEY_ALIAS);
    }
    return List.copyOf(missing);
  }

  /** The app's private key as the SDK takes it: the base64 of the PKCS#8 structure. */
  String appPrivateKeyBase64() {
    return base64Body(appPrivateKeyPem);
  }

  /** Alipay's public key as the SDK takes it: the base64 of the SubjectPublicKeyInfo. */
  String alipayPublicKeyBase64() {
    return base64Body(alipayPublicKeyPem);
  }

  /** Without the keys: a private key must not reach a log, nor the public one clutter it. */
  @Override
  public String toString() {
    return "AlipaySettings[appId="
        + appId
        + ", sellerId="
        + sellerId
        + ", appPrivateKey="
        + (appPrivateKeyPem == null ? "(not set)" : "(set)")
        + ", alipayPublicKey="
        + (alipayPublicKeyPem == null ? "(not set)" : "(set)")
        + ", gatewayUrl="
        + gatewayUrl
        + "]";
  }

  /**
   * The label of a PEM key ({@code PRIVATE KEY}, {@code RSA PRIVATE KEY}…); {@code null} if none.
   */
  static String pemLabel(String pem) {
    if (pem == null || !pem.startsWith("-----BEGIN ")) {
      return null;
    }
    int end = pem.indexOf("-----", "-----BEGIN ".length());
    return end < 0 ? null : pem.substring("-----BEGIN ".length(), end);
  }

  private static Optional<String> readKeyFile(String path) {
    try {
      // A byte order mark, as Windows editors write one, is no part of the key.
      return Optional.of(
              Files.readString(Path.of(path), StandardCharsets.UTF_8).replace("\uFEFF", ""))
          .filter(key -> !key.isBlank());
    } catch (IOException | InvalidPathException e) {
      // Once per path, though the settings are read on each use. The path is no secret.
      if (UNREADABLE_KEY_FILES_REPORTED.add(path)) {
        LOG.warning(() -> ALIPAY_PUBLIC_KEY_FILE + "=" + path + " cannot be read: " + e);
      }
      return Optional.empty();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A PEM key as given (its label tells what it is); bare base64 armoured with {@code label}. */
  private static String armoured(String label, String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String text = key.strip().replace("\r\n", "\n");
    if (text.startsWith("-----BEGIN ")) {
      return text;
    }
    String base64 = text.replaceAll("\\s+", "");
    StringBuilder pem = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < base64.length(); i += PEM_LINE_LENGTH) {
      pem.append(base64, i, Math.min(base64.length(), i + PEM_LINE_LENGTH)).append('\n');
    }
    return pem.append("-----END ").append(label).append("-----").toString();
  }

  private static String base64Body(String pem) {
    if (pem == null) {
      return null;
    }
    // Also a PEM key on one line, as a password alias keeps it.
    return pem.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s+", "");
  }
}
