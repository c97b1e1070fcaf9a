package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationMessagesTest {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);

  private static boolean chinese(String text) {
    return text.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application.submitted",
        "application.notFound",
        "application.notDraft",
        "application.draftExists",
        "application.concurrentEdit",
        "application.statementRequired",
        "application.keyQuestionsRequired",
        "application.firstKeyTaken",
        "application.yearsUnavailable",
        "application.certificateRequired",
        "application.certificateUnreadable",
        "application.certificateNotOwned",
        "application.certificateRevoked",
        "application.certificateExpired",
        "application.certificateInformationOutdated",
        "application.renewal.tooEarly",
        "application.change.sameSubject",
        "application.pickup.methodRequired",
        "application.pickup.notAllowed",
        "application.pickup.handlingPointRequired",
        "application.stepsIncomplete",
        "application.document.missing",
        "application.document.unsupportedType",
        "application.document.tooLarge",
        "application.document.empty",
        "application.document.notAsked",
        "application.submit.tokenMismatch",
        "application.cancel.notAllowed",
        "application.price.unavailable",
        "application.statement",
        "application.lostNotice",
        "application.documentsNotice",
        "application.paymentNotice",
        "validation.address",
        "validation.remark"
      })
  void everyKeyTheServicesThrowHasAChineseText(String key) {
    assertTrue(BUNDLE.containsKey(key), key);
    assertTrue(chinese(BUNDLE.getString(key)), key);
  }

  static Stream<String> enumLabelKeys() {
    List<String> keys = new ArrayList<>();
    for (ServiceType t : ServiceType.values()) {
      keys.add("serviceType." + t.name());
      keys.add("serviceType." + t.name() + ".scenario");
    }
    for (PickupMethod m : PickupMethod.values()) {
      keys.add("pickupMethod." + m.name());
      keys.add("pickupMethod." + m.name() + ".explanation");
      keys.add("pickupMethod." + m.name() + ".note");
    }
    for (ReviewStatus s : ReviewStatus.values()) {
      keys.add("reviewStatus." + s.name());
    }
    for (PaymentStatus s : PaymentStatus.values()) {
      keys.add("paymentStatus." + s.name());
    }
    for (WizardStep s : WizardStep.values()) {
      keys.add("wizardStep." + s.name());
    }
    for (DocumentType d : DocumentType.values()) {
      keys.add(d.labelKey());
      keys.add(d.labelKey() + ".hint");
    }
    return keys.stream();
  }

  @ParameterizedTest
  @MethodSource("enumLabelKeys")
  void everyEnumConstantHasAChineseLabel(String key) {
    assertTrue(BUNDLE.containsKey(key), key);
    assertTrue(chinese(BUNDLE.getString(key)), key);
  }

  @Test
  void labelsAreTheManualsWords() {
    assertEquals("新办（替换）", BUNDLE.getString("serviceType.NEW_OR_REPLACE"));
    assertEquals("更新+丢失补办", BUNDLE.getString("serviceType.RENEW_AND_LOST"));
    assertEquals("邮寄-收方付", BUNDLE.getString("pickupMethod.COURIER"));
    assertEquals("用户已取消", BUNDLE.getString("reviewStatus.CANCELLED"));
    assertEquals("您已成功提交证书申请，请继续完成支付", BUNDLE.getString("application.submitted"));
  }

  @Test
  void everyServiceTypeHasAWarningEntryEvenWhenEmpty() {
    for (ServiceType t : ServiceType.values()) {
      assertTrue(BUNDLE.containsKey("serviceType." + t.name() + ".warning"), t.name());
    }
  }

  @Test
  void refusalsWithArgumentsFormat() {
    assertEquals(
        "请上传《经办人身份证复印件》",
        MessageFormat.format(
            BUNDLE.getString("application.document.missing"),
            DocumentTitles.of(DocumentType.AGENT_ID_COPY)));
    assertEquals(
        "文件大小不能超过10MB",
        MessageFormat.format(
            BUNDLE.getString("application.document.tooLarge"),
            new DocumentUploadPolicy(DocumentUploadPolicy.DEFAULT_MAX_BYTES).limitText()));
    assertEquals(
        "文件大小不能超过500KB",
        MessageFormat.format(
            BUNDLE.getString("application.document.tooLarge"),
            new DocumentUploadPolicy(500 * 1024).limitText()));
    assertTrue(
        MessageFormat.format(
                BUNDLE.getString("application.renewal.tooEarly"), "2049-08-23", "2049-06-24")
            .contains("2049-08-23"));
  }
}
