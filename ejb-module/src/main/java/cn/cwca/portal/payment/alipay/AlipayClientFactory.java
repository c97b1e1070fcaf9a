package cn.cwca.portal.payment.alipay;

import cn.cwca.portal.payment.PaymentProviderException;
import com.alipay.api.AbstractAlipayClient;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayConstants;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.internal.util.AlipayLogger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Makes the SDK's client of one merchant's settings, after checking that its keys are RSA keys the
 * SDK can read, without letting the SDK loosen the JVM's certificate path policy, and with the
 * SDK's own logging off.
 */
final class AlipayClientFactory {

  /**
   * The SDK's client class empties this security property when it is loaded (for its own
   * certificates), which would let every certificate path the JVM validates, the CA's included,
   * accept MD2, MD5 and RSA keys of less than 1024 bits.
   */
  static final String CERT_PATH_POLICY = "jdk.certpath.disabledAlgorithms";

  private static boolean clientClassLoaded;

  private AlipayClientFactory() {}

  /**
   * The client of these settings, which must be complete.
   *
   * @throws PaymentProviderException when a key cannot be read (the message names the setting,
   *     never the key)
   */
  static AlipayClient create(AlipaySettings settings) {
    checkKeys(settings);
    loadClientClassKeepingCertPathPolicy();
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(settings.gatewayUrl());
    config.setAppId(settings.appId());
    config.setPrivateKey(settings.appPrivateKeyBase64());
    config.setAlipayPublicKey(settings.alipayPublicKeyBase64());
    config.setFormat(AlipayConstants.FORMAT_JSON);
    config.setCharset(AlipayConstants.CHARSET_UTF8);
    config.setSignType(AlipayConstants.SIGN_TYPE_RSA2);
    try {
      return new DefaultAlipayClient(config);
    } catch (AlipayApiException e) {
      throw new PaymentProviderException("Alipay's client cannot be made of its settings", e);
    }
  }

  private static void checkKeys(AlipaySettings settings) {
    String label = AlipaySettings.pemLabel(settings.appPrivateKeyPem());
    if (label != null && !label.equals(AlipaySettings.PRIVATE_KEY_LABEL)) {
      throw new PaymentProviderException(
          "The Alipay app private key ("
              + AlipaySettings.APP_PRIVATE_KEY_ALIAS
              + ") is a PEM "
              + label
              + "; Alipay's SDK takes PKCS#8 (BEGIN PRIVATE KEY)");
    }
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(settings.appPrivateKeyBase64())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Without the cause: what a key parser says of a key is not for the log.
      throw new PaymentProviderException(
          "The Alipay app private key ("
              + AlipaySettings.APP_PRIVATE_KEY_ALIAS
              + ") is not an RSA private key in PKCS#8");
    }
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      rsa.generatePublic(new X509EncodedKeySpec(decode(settings.alipayPublicKeyBase64())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PaymentProviderException(
          "Alipay's public key ("
              + AlipaySettings.ALIPAY_PUBLIC_KEY_FILE
              + ") is not an RSA public key (SubjectPublicKeyInfo)",
          e);
    }
  }

  private static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64);
  }

  /** Loads the SDK's client class once, and puts back the policy its static initialiser empties. */
  private static synchronized void loadClientClassKeepingCertPathPolicy() {
    if (clientClassLoaded) {
      return;
    }
    // The SDK logs every call (INFO, with its parameters) and every business answer as SEVERE,
    // the everyday "trade does not exist" of closing an unscanned QR code included; the provider's
    // exceptions carry what went wrong.
    AlipayLogger.setNeedEnableLogger(false);
    String policy = Security.getProperty(CERT_PATH_POLICY);
    try {
      Class.forName(
          AbstractAlipayClient.class.getName(), true, AbstractAlipayClient.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Alipay's SDK is not on the class path", e);
    } finally {
      if (policy != null) {
        Security.setProperty(CERT_PATH_POLICY, policy);
      }
      clientClassLoaded = true;
    }
  }
}
