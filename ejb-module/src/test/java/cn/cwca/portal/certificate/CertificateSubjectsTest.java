package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.Subject;
import org.junit.jupiter.api.Test;

/**
 * The subject an order's certificate carries: recorded from the account at the approval, and the
 * CA's subject made of that record.
 */
class CertificateSubjectsTest {

  @Test
  void anOrganisationIsNamedByItsNameCreditCodeAndPlace() {
    ApprovedSubject approved =
        ApprovedSubject.of(
            AccountType.ORGANISATION, "聊城市示例科技有限公司", "91350100M000100Y43", null, "张三", "371502");

    assertEquals(ApprovedSubject.CodeType.USCC, approved.codeType());
    assertEquals("91350100M000100Y43", approved.code());
    assertEquals("张三", approved.legalRepresentative());
    assertEquals("山东省", approved.province());
    assertEquals("聊城市", approved.city());
    assertTrue(approved.isOrganisation());

    Subject subject = CertificateSubjects.of(approved);
    assertEquals(
        Subject.organisation("聊城市示例科技有限公司", "91350100M000100Y43").withLocation("山东省", "聊城市"),
        subject);
    assertEquals(subject, CertificateService.subjectOf(approved));
  }

  @Test
  void aPersonIsNamedByNameAndIdentityDocument() {
    ApprovedSubject resident =
        ApprovedSubject.of(
            AccountType.NATURAL_PERSON,
            "李四",
            "32010219700104000X",
            IdType.RESIDENT_ID,
            "ignored",
            "371502");
    assertEquals(ApprovedSubject.CodeType.RESIDENT_ID, resident.codeType());
    assertNull(resident.legalRepresentative(), "a person has none");
    assertFalse(resident.isOrganisation());
    assertEquals(
        Subject.person("李四", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X")
            .withLocation("山东省", "聊城市"),
        CertificateSubjects.of(resident));

    ApprovedSubject passport =
        ApprovedSubject.of(
            AccountType.NATURAL_PERSON, "John Smith", "E12345678", IdType.PASSPORT, null, null);
    assertEquals(ApprovedSubject.CodeType.PASSPORT, passport.codeType());
    assertNull(passport.province());
    assertEquals(
        Subject.person("John Smith", IdentityDocumentType.PASSPORT, "E12345678"),
        CertificateSubjects.of(passport));
  }

  @Test
  void anUnknownDivisionNamesNoPlace() {
    ApprovedSubject approved =
        ApprovedSubject.of(
            AccountType.NATURAL_PERSON,
            "李四",
            "32010219700104000X",
            IdType.RESIDENT_ID,
            null,
            "999999");
    assertNull(approved.province());
    assertNull(approved.city());
    assertEquals("999999", approved.divisionCode());
  }

  @Test
  void aRecordThatCannotBeEncodedIsRefused() {
    ApprovedSubject unfit =
        new ApprovedSubject(
            "名".repeat(65),
            ApprovedSubject.CodeType.USCC,
            "91350100M000100Y43",
            null,
            null,
            null,
            null);
    assertThrows(IllegalArgumentException.class, () -> CertificateSubjects.of(unfit));
  }
}
