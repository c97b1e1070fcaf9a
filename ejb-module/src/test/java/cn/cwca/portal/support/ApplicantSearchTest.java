package cn.cwca.portal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import org.junit.jupiter.api.Test;

class ApplicantSearchTest {

  @Test
  void aMobileNumberMatchesTheBoundNumberOnly() {
    ApplicantSearch search = ApplicantSearch.of(" +86 138-0013-8000 ");
    assertTrue(search.byMobile());
    assertEquals("13800138000", search.mobile());
    assertNull(search.loginName());
    assertNull(search.namePattern());
  }

  @Test
  void aCodeMatchesTheLoginNameExactlyInUpperCaseOrTheNameByPrefix() {
    ApplicantSearch search = ApplicantSearch.of("32010219700104000x");
    assertEquals("32010219700104000X", search.loginName());
    assertEquals("32010219700104000x%", search.namePattern());
    assertEquals("91350100M000100Y43", ApplicantSearch.of("91350100m000100y43").loginName());
    assertEquals("E12345678", ApplicantSearch.of("e12345678").loginName());
  }

  @Test
  void aNameMatchesByCaseInsensitivePrefixOnly() {
    ApplicantSearch search = ApplicantSearch.of("  聊城ABC ");
    assertNull(search.mobile());
    assertNull(search.loginName());
    assertEquals("聊城abc%", search.namePattern());
    assertNull(ApplicantSearch.of("Huawei").loginName(), "letters alone are a name");
  }

  @Test
  void wildcardsTypedAreMatchedAsCharacters() {
    assertEquals("100!%!_a!!b%", ApplicantSearch.of("100%_a!b").namePattern());
  }

  @Test
  void refusesABlankOrOverlongText() {
    assertEquals(
        "support.search.required",
        assertThrows(BusinessException.class, () -> ApplicantSearch.of("  ")).messageKey());
    assertEquals(
        "support.search.required",
        assertThrows(BusinessException.class, () -> ApplicantSearch.of(null)).messageKey());
    assertEquals(
        "support.search.tooLong",
        assertThrows(BusinessException.class, () -> ApplicantSearch.of("名".repeat(101)))
            .messageKey());
  }
}
