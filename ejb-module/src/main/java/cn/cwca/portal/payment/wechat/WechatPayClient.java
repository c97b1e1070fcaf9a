package cn.cwca.portal.payment.wechat;

import cn.cwca.portal.payment.PaymentProviderException;
import com.wechat.pay.java.core.RSAConfig;
import com.wechat.pay.java.core.certificate.InMemoryCertificateProvider;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.notification.Constant;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.util.PemUtil;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The SDK's objects for one set of {@link WechatPaySettings}: the Native payment API on an OkHttp
 * client that reaches the configured base URL, and the notification parser. The platform
 * certificates are the configured ones; nothing is downloaded.
 */
final class WechatPayClient {

  /** AES-256-GCM: the APIv3 key is the AES key itself. */
  private static final int API_V3_KEY_BYTES = 32;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  // As the SDK's own client: WeChat Pay drops idle connections after 8 seconds.
  private static final int MAX_IDLE_CONNECTIONS = 5;
  private static final int KEEP_ALIVE_SECONDS = 7;

  final WechatPaySettings settings;
  final NativePayService nativePay;
  final NotificationParser notifications;
  private final Set<BigInteger> platformSerialNumbers;
  private final OkHttpClient http;

  private WechatPayClient(
      WechatPaySettings settings,
      NativePayService nativePay,
      NotificationParser notifications,
      Set<BigInteger> platformSerialNumbers,
      OkHttpClient http) {
    this.settings = settings;
    this.nativePay = nativePay;
    this.notifications = notifications;
    this.platformSerialNumbers = platformSerialNumbers;
    this.http = http;
  }

  /**
   * @throws PaymentProviderException when the settings are incomplete, or a key, a certificate or
   *     the base URL cannot be read (the message names which, never its content)
   */
  static WechatPayClient of(WechatPaySettings settings) {
    if (!settings.isComplete()) {
      throw new PaymentProviderException("WeChat Pay is not configured: " + settings);
    }
    byte[] apiV3Key = settings.apiV3Key().getBytes(StandardCharsets.UTF_8);
    if (apiV3Key.length != API_V3_KEY_BYTES) {
      throw new PaymentProviderException(
          "WeChat Pay: the APIv3 key is not " + API_V3_KEY_BYTES + " bytes long");
    }
    PrivateKey merchantKey = merchantPrivateKey(settings.merchantPrivateKeyPem());
    List<X509Certificate> platformCertificates =
        platformCertificates(settings.platformCertificatePems());
    HttpUrl base = HttpUrl.parse(settings.apiBaseUrl());
    if (base == null) {
      throw new PaymentProviderException(
          "WeChat Pay: the API base URL is not an http(s) URL: " + settings.apiBaseUrl());
    }

    RSAConfig config =
        new RSAConfig.Builder()
            .merchantId(settings.mchId())
            .privateKey(merchantKey)
            .merchantSerialNumber(settings.merchantSerialNumber())
            .wechatPayCertificates(settings.platformCertificatePems().toArray(String[]::new))
            .build();
    OkHttpClient http = httpClient(base);
    NativePayService nativePay =
        new NativePayService.Builder()
            .httpClient(new DefaultHttpClientBuilder().config(config).okHttpClient(http).build())
            .build();
    NotificationParser notifications =
        new NotificationParser(
            Map.of(
                Constant.RSA_SIGN_TYPE,
                new RSAVerifier(new InMemoryCertificateProvider(platformCertificates))),
            Map.of(Constant.AES_CIPHER_ALGORITHM, new AeadAesCipher(apiV3Key)));
    Set<BigInteger> serialNumbers =
        platformCertificates.stream()
            .map(X509Certificate::getSerialNumber)
            .collect(Collectors.toUnmodifiableSet());
    return new WechatPayClient(settings, nativePay, notifications, serialNumbers, http);
  }

  /**
   * Whether a platform certificate serial number (hex, as in {@code Wechatpay-Serial}) is known.
   */
  boolean knowsPlatformCertificate(String serialNumber) {
    try {
      return platformSerialNumbers.contains(new BigInteger(serialNumber, 16));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Closes the idle connections (calls under way finish on theirs). */
  void release() {
    http.connectionPool().evictAll();
  }

  private static OkHttpClient httpClient(HttpUrl base) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectionPool(
                new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(READ_TIMEOUT)
            .writeTimeout(READ_TIMEOUT);
    if (!base.equals(HttpUrl.get(WechatPaySettings.DEFAULT_API_BASE_URL))) {
      builder.addInterceptor(new ApiBaseUrlInterceptor(base));
    }
    return builder.addInterceptor(new SignatureHeaderNames()).build();
  }

  private static PrivateKey merchantPrivateKey(String pem) {
    try {
      return PemUtil.loadPrivateKeyFromString(pem);
    } catch (RuntimeException e) {
      // Not the cause: its message may quote the key material.
      throw new PaymentProviderException(
          "WeChat Pay: the merchant private key is not an RSA key in PKCS#8 PEM (BEGIN PRIVATE KEY)");
    }
  }

  private static List<X509Certificate> platformCertificates(List<String> pems) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (String pem : pems) {
      try {
        certificates.add(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                        new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
      } catch (CertificateException | RuntimeException e) {
        throw new PaymentProviderException(
            "WeChat Pay: platform certificate "
                + (certificates.size() + 1)
                + " of "
                + pems.size()
                + " cannot be read",
            e);
      }
    }
    return certificates;
  }
}
