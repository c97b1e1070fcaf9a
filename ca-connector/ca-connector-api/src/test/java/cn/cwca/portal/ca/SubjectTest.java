package cn.cwca.portal.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTest {

  @Test
  void organisationHasNameAndCreditCode() {
    Subject subject =
        Subject.organisation("示例科技有限公司", "91350100M000100Y43").withLocation("山东省", "聊城市");

    assertTrue(subject.isOrganisation());
    assertEquals("山东省", subject.province());
    assertTrue(CertificateProfile.ORGANISATION.fits(subject));
    assertFalse(CertificateProfile.NATURAL_PERSON.fits(subject));
  }

  @Test
  void personHasNameAndIdentityDocument() {
    Subject subject =
        Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X");

    assertFalse(subject.isOrganisation());
    assertTrue(CertificateProfile.NATURAL_PERSON.fits(subject));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"91350100m000100y43", "12440", "91350100M000100Y4", "91350100M000100Y43 "})
  void refusesCreditCodesThatCannotBeEncoded(String uscc) {
    assertThrows(IllegalArgumentException.class, () -> Subject.organisation("示例", uscc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "32010219700104000x", "3201021970010400XX", "32010219700104000"})
  void refusesResidentIdNumbersThatCannotBeEncoded(String number) {
    assertThrows(
        IllegalArgumentException.class,
        () -> Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, number));
  }

  @Test
  void passportNumbersAreFiveToTwentyLettersAndDigits() {
    Subject.person("John Smith", IdentityDocumentType.PASSPORT, "E1234");

    assertThrows(
        IllegalArgumentException.class,
        () -> Subject.person("John Smith", IdentityDocumentType.PASSPORT, "E123"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Subject.person("John Smith", IdentityDocumentType.PASSPORT, "e12345"));
  }

  @Test
  void refusesNamesLongerThanX520Allows() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Subject.organisation("公".repeat(65), "91350100M000100Y43"));
    assertThrows(
        IllegalArgumentException.class, () -> Subject.organisation(" 示例", "91350100M000100Y43"));
  }

  @Test
  void isAnOrganisationOrAPersonNotBoth() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Subject(
                "示例",
                "91350100M000100Y43",
                IdentityDocumentType.RESIDENT_ID_CARD,
                "32010219700104000X",
                null,
                null));
  }

  @Test
  void textKeepsIdentifiersOutOfLogs() {
    String person =
        Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X")
            .toString();

    assertFalse(person.contains("32010219700104"), person);
    assertTrue(person.contains("000X"), person);
  }
}
