package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.catalogue.DocumentTemplateService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.ManualCatalogue;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.document.forms.ApplicationFormData;
import cn.cwca.portal.document.forms.BuiltInTemplates;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ApplicationFormServiceTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 2, 0);
  private static final AgentDetails AGENT =
      new AgentDetails("王经办", "13912345678", IdType.RESIDENT_ID, "110101190001010006");

  /** An account as the personal centre holds it (the entity's factories are the account's). */
  private static Account account(
      AccountType type,
      String loginName,
      String name,
      IdType idType,
      String legalRepresentative,
      String divisionCode) {
    return new Account() {
      private static final long serialVersionUID = 1L;

      @Override
      public AccountType getType() {
        return type;
      }

      @Override
      public String getLoginName() {
        return loginName;
      }

      @Override
      public String getDisplayName() {
        return name;
      }

      @Override
      public String getMobile() {
        return "13812345678";
      }

      @Override
      public IdType getIdType() {
        return idType;
      }

      @Override
      public String getLegalRepresentative() {
        return legalRepresentative;
      }

      @Override
      public String getDivisionCode() {
        return divisionCode;
      }
    };
  }

  private static CertificateApplication draft(AccountType type, String owner) {
    return CertificateApplication.draft(
        owner, type, PublicIds.newApplicationId(), PublicIds.newSubmissionToken(), NOW);
  }

  @Test
  void anOrganisationsFormCarriesTheChineseLabelsAndThePersonalCentreData() {
    CertificateApplication a = draft(AccountType.ORGANISATION, "91350100M000100Y43");
    a.recordCertificateInformation(
        ServiceType.NEW_OR_REPLACE, 2, false, false, null, null, AGENT, NOW);
    a.confirmUserInformation(NOW);
    a.recordPickup(
        new PickupOption(
            ServiceType.NEW_OR_REPLACE, false, PickupMethod.COURIER, ManualCatalogue.LIAOCHENG),
        "李收货",
        "13812345678",
        "山东省聊城市东昌府区示例路1号",
        "工作日送达",
        null,
        null,
        null,
        NOW);
    Account account =
        account(
            AccountType.ORGANISATION, "91350100M000100Y43", "聊城示例科技有限公司", null, "张法人", "371502");

    ApplicationFormData data = ApplicationFormService.formData(a, account);

    assertEquals(a.getPublicId(), data.applicationId());
    assertEquals("新办（替换）", data.certificate().serviceType());
    assertEquals("2年", data.certificate().years());
    assertNull(data.certificate().certificateSerial());
    assertTrue(data.subject().organisation());
    assertEquals("机构", data.subject().userType());
    assertEquals("聊城示例科技有限公司", data.subject().name());
    assertEquals("91350100M000100Y43", data.subject().idNumber());
    assertEquals("张法人", data.subject().legalRepresentative());
    assertEquals("山东省 聊城市 东昌府区", data.subject().address());
    assertEquals(
        new ApplicationFormData.Agent("王经办", "13912345678", "居民身份证", "110101190001010006"),
        data.agent());
    assertEquals(PickupMethod.COURIER, data.pickup().method());
    assertEquals("邮寄-收方付", data.pickup().methodLabel());
    assertEquals("山东聊城办理点", data.pickup().handlingPoint());
    assertEquals("山东省聊城市", data.pickup().handlingPointAddress());
    assertEquals("李收货", data.pickup().recipientName());
    assertEquals("工作日送达", data.pickup().remark());
  }

  @Test
  void aPersonsFormCarriesTheIdTypeAndNoLegalRepresentative() {
    CertificateApplication a = draft(AccountType.NATURAL_PERSON, "11010119900307001X");
    a.recordCertificateInformation(
        ServiceType.LOST,
        null,
        null,
        false,
        new ConcernedCertificate("1a2b", "CN=赵自然,C=CN", NOW, NOW.plusYears(1), null),
        null,
        AGENT,
        NOW);
    Account account =
        account(
            AccountType.NATURAL_PERSON,
            "11010119900307001X",
            "赵自然",
            IdType.RESIDENT_ID,
            null,
            "110101");

    ApplicationFormData data = ApplicationFormService.formData(a, account);

    assertEquals("丢失补办", data.certificate().serviceType());
    assertNull(data.certificate().years(), "丢失补办 has no 证书年限");
    assertEquals("赵自然", data.certificate().certificateName());
    assertEquals("1a2b", data.certificate().certificateSerial());
    assertEquals("自然人", data.subject().userType());
    assertEquals("居民身份证", data.subject().idType());
    assertNull(data.subject().legalRepresentative());
    assertEquals("北京市 东城区", data.subject().address());
    assertNull(data.pickup(), "no 取KEY方式 chosen yet");
  }

  @Test
  void onlyTheFourTemplatedDocumentsHaveABuiltInTemplate() {
    for (DocumentType type : DocumentType.values()) {
      if (type.hasTemplate()) {
        byte[] pdf = BuiltInTemplates.of(type);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII), type.name());
      } else {
        assertThrows(IllegalArgumentException.class, () -> BuiltInTemplates.of(type), type.name());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> BuiltInTemplates.of(null));
  }

  @Test
  void theReplaceableTemplatesComeFromTheCatalogueAndTheApplicationFormIsBuiltIn() {
    byte[] uploaded = "%PDF-1.4 uploaded".getBytes(StandardCharsets.US_ASCII);
    ApplicationFormService service = new ApplicationFormService();
    service.templates =
        new DocumentTemplateService() {
          @Override
          public byte[] served(DocumentType type) {
            return uploaded.clone();
          }
        };

    assertArrayEquals(uploaded, service.template(DocumentType.SERVICE_AGREEMENT));
    assertArrayEquals(uploaded, service.template(DocumentType.SEAL_FORM));
    assertArrayEquals(uploaded, service.template(DocumentType.POWER_OF_ATTORNEY));
    assertArrayEquals(
        BuiltInTemplates.of(DocumentType.APPLICATION_FORM),
        service.template(DocumentType.APPLICATION_FORM));
    assertThrows(
        IllegalArgumentException.class, () -> service.template(DocumentType.BUSINESS_LICENCE));
  }
}
