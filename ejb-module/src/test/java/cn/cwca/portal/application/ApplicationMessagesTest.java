package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentTitles;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.document.DocumentUploadPolicy;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        "application.keyProofRequired",
        "application.keyProofExpired",
        "application.keyProofInvalid",
        "application.keyProofMissing",
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
        "application.document.damagedPdf",
        "application.document.encryptedPdf",
        "application.document.pdfWithoutPages",
        "application.document.damagedImage",
        "application.document.imageTooLarge",
        "application.submit.tokenMismatch",
        "order.stepRefused",
        "application.submittedFree",
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

  /**
   * The 注意 column of the manual's table of service types (4.1): nothing for 新办（替换）; for the others
   * the warning about sealed bids of an unfinished tender on the key, naming the type's own key and
   * the customer service number; for the types with 变更, first the personal centre.
   */
  @Test
  void everyServiceTypeButNewHasTheManualsWarningWithTheServiceNumber() {
    Map<ServiceType, String> keyOfTheType =
        Map.of(
            ServiceType.RENEW, "当前申请的更新USBkey",
            ServiceType.CHANGE, "当前申请的变更的USBkey",
            ServiceType.LOST, "当前申请的丢失补办USBkey",
            ServiceType.CHANGE_AND_RENEW, "当前申请的变更+更新的USBkey",
            ServiceType.RENEW_AND_LOST, "当前申请的丢失补办USBkey");
    for (ServiceType t : ServiceType.values()) {
      String key = "serviceType." + t.name() + ".warning";
      assertTrue(BUNDLE.containsKey(key), key);
      String warning = BUNDLE.getString(key);
      if (t == ServiceType.NEW_OR_REPLACE) {
        assertEquals("", warning, "the manual gives 新办（替换） no warning");
        continue;
      }
      assertTrue(warning.contains(keyOfTheType.get(t)), key + ": " + warning);
      assertTrue(warning.contains("待开标的电子标书"), key + ": " + warning);
      assertTrue(warning.contains("客服电话4007-188588"), key + ": " + warning);
      assertEquals(
          t.isChange(), warning.startsWith("1、请在变更前到个人信息-个人中心里修改变更信息"), key + ": " + warning);
    }
  }

  @Test
  void theLostKeyNoticeHasTheManualsTextWithTheServiceNumber() {
    String notice = BUNDLE.getString("application.lostNotice");
    assertTrue(notice.startsWith("查看已经办理的数字证书列表"), notice);
    assertTrue(notice.contains("当前申请的丢失补办USBkey"), notice);
    assertTrue(notice.contains("客服电话4007-188588"), notice);
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
    assertEquals(
        "图片尺寸过大（不超过5000万像素，长宽均不超过30000像素），请调低扫描分辨率后重新上传",
        MessageFormat.format(
            BUNDLE.getString("application.document.imageTooLarge"), "5000", "30000"));
    assertTrue(
        MessageFormat.format(
                BUNDLE.getString("application.renewal.tooEarly"), "2049-08-23", "2049-06-24")
            .contains("2049-08-23"));
  }
}
