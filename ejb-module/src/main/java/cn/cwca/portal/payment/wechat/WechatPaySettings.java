package cn.cwca.portal.payment.wechat;

import cn.cwca.portal.common.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the portal needs to be a WeChat Pay merchant (API v3): its merchant number and app, its API
 * certificate's private key and serial number, the APIv3 key, and the platform certificates that
 * WeChat Pay signs with. Keys and certificates are held as PEM text; {@link #configured()} reads
 * them from the files the server settings name.
 *
 * @param mchId the merchant number (商户号)
 * @param appId the app the payments are made to (the official account's or mini program's AppID)
 * @param merchantSerialNumber the serial number of the merchant's API certificate, in hex
 * @param merchantPrivateKeyPem the merchant's API private key, PKCS#8 PEM ({@code BEGIN PRIVATE
 *     KEY}, as in {@code apiclient_key.pem})
 * @param apiV3Key the APIv3 key (32 characters) that decrypts notifications
 * @param platformCertificatePems the WeChat Pay platform certificates, one PEM each; more than one
 *     while WeChat Pay rotates its certificate
 * @param apiBaseUrl where the API is reached: WeChat Pay's own address, or a forwarding proxy or a
 *     test double
 */
public record WechatPaySettings(
    String mchId,
    String appId,
    String merchantSerialNumber,
    String merchantPrivateKeyPem,
    String apiV3Key,
    List<String> platformCertificatePems,
    String apiBaseUrl) {

  public static final String DEFAULT_API_BASE_URL = "https://api.mch.weixin.qq.com";

  static final String MCH_ID = "caportal.payment.wechat.mchId";
  static final String APP_ID = "caportal.payment.wechat.appId";
  static final String MERCHANT_SERIAL_NUMBER = "caportal.payment.wechat.merchantSerialNumber";
  static final String MERCHANT_PRIVATE_KEY_FILE = "caportal.payment.wechat.merchantPrivateKeyFile";
  static final String PLATFORM_CERTIFICATE_FILE = "caportal.payment.wechat.platformCertificateFile";
  static final String API_BASE_URL = "caportal.payment.wechat.apiBaseUrl";

  /** A password alias: the key is never in clear in domain.xml. */
  static final String API_V3_KEY = "caportal-wechat-apiv3-key";

  private static final Logger LOG = Logger.getLogger(WechatPaySettings.class.getName());

  private static final Pattern PEM_CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+?-----END CERTIFICATE-----");

  /**
   * The files that could not be read, each with its reason, reported once: the settings are read on
   * every use of the provider, and one line in the log says enough.
   */
  private static final Set<String> REPORTED_FILE_PROBLEMS = ConcurrentHashMap.newKeySet();

  /** The files last read, by path, modification time and size. */
  private static final Map<FileStamp, String> FILES = new ConcurrentHashMap<>();

  /** The certificates of the PEM texts last read. */
  private static final Map<String, List<String>> CERTIFICATES_OF_PEM = new ConcurrentHashMap<>();

  private record FileStamp(String path, long modifiedMillis, long size) {}

  public WechatPaySettings {
    platformCertificatePems =
        platformCertificatePems == null ? List.of() : List.copyOf(platformCertificatePems);
    apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL : apiBaseUrl;
  }

  /**
   * The settings as the server has them now. A file that cannot be read counts as not set (and is
   * reported in the log), so that the provider is then not configured rather than failing.
   */
  public static WechatPaySettings configured() {
    return new WechatPaySettings(
        Settings.value(MCH_ID).orElse(null),
        Settings.value(APP_ID).orElse(null),
        Settings.value(MERCHANT_SERIAL_NUMBER).orElse(null),
        Settings.value(MERCHANT_PRIVATE_KEY_FILE).flatMap(WechatPaySettings::readFile).orElse(null),
        Settings.value(API_V3_KEY).orElse(null),
        Settings.value(PLATFORM_CERTIFICATE_FILE)
            .map(WechatPaySettings::certificatesInFile)
            .orElse(List.of()),
        Settings.value(API_BASE_URL).orElse(null));
  }

  /**
   * Whether every setting is present (whether the keys and certificates are valid shows on use).
   */
  public boolean isComplete() {
    return present(mchId)
        && present(appId)
        && present(merchantSerialNumber)
        && present(merchantPrivateKeyPem)
        && present(apiV3Key)
        && !platformCertificatePems.isEmpty()
        && platformCertificatePems.stream().allMatch(WechatPaySettings::present);
  }

  /** The certificates of a PEM text that may hold several, each as a PEM of its own. */
  static List<String> certificatesIn(String pem) {
    Matcher matcher = PEM_CERTIFICATE.matcher(pem);
    return matcher.results().map(match -> match.group() + "\n").toList();
  }

  /** Says which secrets are set, never what they are. */
  @Override
  public String toString() {
    return "WechatPaySettings[mchId="
        + mchId
        + ", appId="
        + appId
        + ", merchantSerialNumber="
        + merchantSerialNumber
        + ", merchantPrivateKey="
        + (present(merchantPrivateKeyPem) ? "(set)" : "(missing)")
        + ", apiV3Key="
        + (present(apiV3Key) ? "(set)" : "(missing)")
        + ", platformCertificates="
        + platformCertificatePems.size()
        + ", apiBaseUrl="
        + apiBaseUrl
        + "]";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static List<String> certificatesInFile(String path) {
    List<String> certificates =
        readFile(path)
            .map(pem -> CERTIFICATES_OF_PEM.computeIfAbsent(pem, WechatPaySettings::certificatesIn))
            .orElse(null);
    if (certificates == null) {
      return List.of();
    }
    if (certificates.isEmpty()) {
      report(path + " (no PEM certificate in it)");
    }
    return certificates;
  }

  /**
   * The file's text, read again only when its modification time or size changed: the settings are
   * read on every notification, and a stat costs far less than reading and parsing the PEM.
   */
  private static Optional<String> readFile(String path) {
    try {
      Path file = Path.of(path);
      FileStamp stamp =
          new FileStamp(path, Files.getLastModifiedTime(file).toMillis(), Files.size(file));
      String cached = FILES.get(stamp);
      if (cached != null) {
        return Optional.of(cached);
      }
      // PEM is ASCII; Latin-1 reads any byte, so that a comment in another encoding is no failure.
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      FILES.keySet().removeIf(s -> s.path().equals(path));
      FILES.put(stamp, text);
      CERTIFICATES_OF_PEM.clear();
      return Optional.of(text);
    } catch (IOException | RuntimeException e) {
      // The path and the kind of failure only: the file may hold a private key.
      report(path + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  private static void report(String problem) {
    if (REPORTED_FILE_PROBLEMS.add(problem)) {
      LOG.log(Level.WARNING, "WeChat Pay: cannot use {0}; WeChat Pay stays off", problem);
    }
  }
}
