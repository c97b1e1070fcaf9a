package cn.cwca.portal.payment.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlipaySettingsTest {

  private static final List<String> PROPERTIES =
      List.of(
          AlipaySettings.APP_ID,
          AlipaySettings.SELLER_ID,
          AlipaySettings.ALIPAY_PUBLIC_KEY_FILE,
          AlipaySettings.GATEWAY_URL,
          AlipaySettings.APP_PRIVATE_KEY_ALIAS);

  @TempDir Path directory;

  @AfterEach
  void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void theServersSettingsAreReadFromPropertiesTheKeyFileAndThePasswordAlias() throws IOException {
    Path keyFile = directory.resolve("alipay-public-key.txt");
    Files.writeString(keyFile, FakeAlipayGateway.alipayPublicKeyBase64() + "\n");
    System.setProperty(AlipaySettings.APP_ID, "2021000100000001");
    System.setProperty(AlipaySettings.SELLER_ID, " 2088100000000001 ");
    System.setProperty(AlipaySettings.ALIPAY_PUBLIC_KEY_FILE, keyFile.toString());
    System.setProperty(
        AlipaySettings.APP_PRIVATE_KEY_ALIAS, FakeAlipayGateway.appPrivateKeyBase64());

    AlipaySettings settings = AlipaySettings.configured();

    assertTrue(settings.isComplete());
    assertEquals("2021000100000001", settings.appId());
    assertEquals("2088100000000001", settings.sellerId());
    assertEquals(FakeAlipayGateway.alipayPublicKeyBase64(), settings.alipayPublicKeyBase64());
    assertEquals(FakeAlipayGateway.appPrivateKeyBase64(), settings.appPrivateKeyBase64());
    assertEquals(AlipaySettings.DEFAULT_GATEWAY_URL, settings.gatewayUrl());
  }

  @Test
  void theGatewayCanBeAnotherOne() {
    System.setProperty(
        AlipaySettings.GATEWAY_URL, "https://openapi-sandbox.dl.alipaydev.com/gateway.do");

    assertEquals(
        "https://openapi-sandbox.dl.alipaydev.com/gateway.do",
        AlipaySettings.configured().gatewayUrl());
  }

  @Test
  void aPemKeyFileIsReadLikeABareKey() throws IOException {
    Path keyFile = directory.resolve("alipay-public-key.pem");
    Files.writeString(
        keyFile,
        "-----BEGIN PUBLIC KEY-----\r\n"
            + FakeAlipayGateway.alipayPublicKeyBase64().replaceAll("(.{64})", "$1\r\n")
            + "\r\n-----END PUBLIC KEY-----\r\n",
        StandardCharsets.US_ASCII);
    System.setProperty(AlipaySettings.ALIPAY_PUBLIC_KEY_FILE, keyFile.toString());

    assertEquals(
        FakeAlipayGateway.alipayPublicKeyBase64(),
        AlipaySettings.configured().alipayPublicKeyBase64());
  }

  @Test
  void aKeyFileThatCannotBeReadLeavesTheSettingsIncomplete() {
    System.setProperty(
        AlipaySettings.ALIPAY_PUBLIC_KEY_FILE, directory.resolve("missing.pem").toString());

    AlipaySettings settings = AlipaySettings.configured();

    assertNull(settings.alipayPublicKeyPem());
    assertTrue(settings.missingSettings().contains(AlipaySettings.ALIPAY_PUBLIC_KEY_FILE));
  }

  @Test
  void nothingConfiguredIsIncompleteInEverySetting() {
    AlipaySettings settings = AlipaySettings.configured();

    assertFalse(settings.isComplete());
    assertEquals(
        List.of(
            AlipaySettings.APP_ID,
            AlipaySettings.SELLER_ID,
            AlipaySettings.ALIPAY_PUBLIC_KEY_FILE,
            AlipaySettings.APP_PRIVATE_KEY_ALIAS),
        settings.missingSettings());
  }

  @Test
  void aBareKeyIsArmouredAsPem() {
    AlipaySettings bare = settings(FakeAlipayGateway.appPrivateKeyBase64());

    assertTrue(bare.appPrivateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertTrue(bare.appPrivateKeyPem().endsWith("\n-----END PRIVATE KEY-----"));
    assertEquals(FakeAlipayGateway.appPrivateKeyBase64(), bare.appPrivateKeyBase64());
    assertEquals(bare, settings(bare.appPrivateKeyPem()));
  }

  @Test
  void aPemKeyOnOneLineAsAPasswordAliasKeepsItIsRead() {
    AlipaySettings oneLine =
        settings(
            "-----BEGIN PRIVATE KEY-----"
                + FakeAlipayGateway.appPrivateKeyBase64()
                + "-----END PRIVATE KEY-----");

    assertEquals(FakeAlipayGateway.appPrivateKeyBase64(), oneLine.appPrivateKeyBase64());
  }

  @Test
  void theTextOfTheSettingsShowsNoKey() {
    AlipaySettings settings = settings(FakeAlipayGateway.appPrivateKeyBase64());

    String text = settings.toString();

    assertTrue(text.contains("2021000100000001"), text);
    assertFalse(text.contains(FakeAlipayGateway.appPrivateKeyBase64().substring(100, 140)), text);
    assertFalse(text.contains(FakeAlipayGateway.alipayPublicKeyBase64().substring(40, 80)), text);
    assertFalse(text.contains("BEGIN"), text);
  }

  private static AlipaySettings settings(String appPrivateKey) {
    return new AlipaySettings(
        "2021000100000001",
        "2088100000000001",
        appPrivateKey,
        FakeAlipayGateway.alipayPublicKeyBase64(),
        null);
  }
}
