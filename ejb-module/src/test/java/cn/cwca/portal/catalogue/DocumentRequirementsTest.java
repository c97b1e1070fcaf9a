package cn.cwca.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.BusinessException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentRequirementsTest {

  private final DocumentRequirements requirements = ManualCatalogue.documentRequirements();

  @ParameterizedTest
  @EnumSource(ServiceType.class)
  void organisationGivesAllSixDocuments(ServiceType type) {
    assertEquals(
        List.of(DocumentType.values()), requirements.required(AccountType.ORGANISATION, type));
  }

  @Test
  void naturalPersonIsNotAskedForABusinessLicence() {
    assertFalse(
        requirements.isAsked(
            AccountType.NATURAL_PERSON, ServiceType.NEW_OR_REPLACE, DocumentType.BUSINESS_LICENCE));
    assertTrue(
        requirements.isAsked(
            AccountType.NATURAL_PERSON,
            ServiceType.NEW_OR_REPLACE,
            DocumentType.POWER_OF_ATTORNEY));
    assertFalse(
        requirements.isRequired(
            AccountType.NATURAL_PERSON,
            ServiceType.NEW_OR_REPLACE,
            DocumentType.POWER_OF_ATTORNEY));
  }

  @Test
  void missingDocumentsAreListedInDisplayOrder() {
    Set<DocumentType> uploaded =
        EnumSet.of(DocumentType.APPLICATION_FORM, DocumentType.SERVICE_AGREEMENT);
    assertEquals(
        List.of(
            DocumentType.BUSINESS_LICENCE,
            DocumentType.SEAL_FORM,
            DocumentType.AGENT_ID_COPY,
            DocumentType.POWER_OF_ATTORNEY),
        requirements.missing(AccountType.ORGANISATION, ServiceType.RENEW, uploaded));
  }

  @Test
  void refusalNamesEveryMissingDocument() {
    Set<DocumentType> uploaded =
        EnumSet.complementOf(EnumSet.of(DocumentType.SEAL_FORM, DocumentType.POWER_OF_ATTORNEY));
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                requirements.checkComplete(
                    AccountType.ORGANISATION, ServiceType.LOST, uploaded, DocumentTitles::of));
    assertEquals("application.document.missing", e.messageKey());
    assertArrayEquals(new Object[] {"《公共资源电子签章采集表》、《经办人授权委托书》"}, e.args());
  }

  @Test
  void optionalDocumentsDoNotBlockSubmission() {
    Set<DocumentType> uploaded =
        EnumSet.of(
            DocumentType.APPLICATION_FORM,
            DocumentType.SERVICE_AGREEMENT,
            DocumentType.AGENT_ID_COPY);
    assertDoesNotThrow(
        () ->
            requirements.checkComplete(
                AccountType.NATURAL_PERSON, ServiceType.CHANGE, uploaded, DocumentTitles::of));
  }

  @Test
  void withoutConfigurationNothingIsAsked() {
    DocumentRequirements none = new DocumentRequirements(List.of());
    assertEquals(List.of(), none.asked(AccountType.ORGANISATION, ServiceType.RENEW));
  }
}
