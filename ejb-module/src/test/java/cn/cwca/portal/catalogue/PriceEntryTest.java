package cn.cwca.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which earlier row a new price takes over from, for the audit trail's "before". */
class PriceEntryTest {

  private static PriceEntry price(ApplicantScope scope, int years) {
    return new PriceEntry(
        ServiceType.RENEW,
        false,
        years,
        scope,
        LocalDate.of(2026, 1, 1),
        new PriceQuote(new BigDecimal("200.00")));
  }

  @Test
  void aPriceForOneApplicantTypeTakesOverFromTheRowForBothOrForItsOwnType() {
    PriceEntry forOrganisations = price(ApplicantScope.ORGANISATION, 1);
    assertTrue(price(ApplicantScope.BOTH, 1).pricesTheSameFor(forOrganisations));
    assertTrue(price(ApplicantScope.ORGANISATION, 1).pricesTheSameFor(forOrganisations));
    assertFalse(price(ApplicantScope.NATURAL_PERSON, 1).pricesTheSameFor(forOrganisations));
    assertFalse(price(ApplicantScope.BOTH, 2).pricesTheSameFor(forOrganisations));
  }

  @Test
  void aPriceForBothTakesOverOnlyFromTheRowForBoth() {
    PriceEntry forBoth = price(ApplicantScope.BOTH, 1);
    assertTrue(price(ApplicantScope.BOTH, 1).pricesTheSameFor(forBoth));
    assertFalse(price(ApplicantScope.ORGANISATION, 1).pricesTheSameFor(forBoth));
  }
}
