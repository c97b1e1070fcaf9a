package cn.cwca.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.BusinessException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable prices = ManualCatalogue.priceTable();

  @Test
  void firstNewKeyIsFreeWhateverTheYears() {
    for (int years = 1; years <= 3; years++) {
      assertTrue(prices.quote(ServiceType.NEW_OR_REPLACE, false, years).isFree());
    }
  }

  @Test
  void furtherNewKeyIsPaidByTheYear() {
    PriceQuote quote = prices.quote(ServiceType.NEW_OR_REPLACE, true, 2);
    assertFalse(quote.isFree());
    assertEquals(new BigDecimal("500.00"), quote.amount());
  }

  @Test
  void renewalOfALostKeyCostsMoreForAFurtherKey() {
    assertEquals(
        new BigDecimal("200.00"), prices.quote(ServiceType.RENEW_AND_LOST, false, 1).amount());
    assertEquals(
        new BigDecimal("350.00"), prices.quote(ServiceType.RENEW_AND_LOST, true, 1).amount());
  }

  @Test
  void typesWithoutYearsHaveOnePriceAndIgnoreYears() {
    assertEquals(new BigDecimal("100.00"), prices.quote(ServiceType.CHANGE, false, null).amount());
    assertEquals(new BigDecimal("100.00"), prices.quote(ServiceType.CHANGE, false, 3).amount());
    assertEquals(List.of(), prices.yearOptions(ServiceType.LOST, false));
  }

  @Test
  void theKeyCountOnlyCountsWhereTheServiceTypeTellsKeysApart() {
    assertEquals(
        prices.quote(ServiceType.RENEW, false, 1), prices.quote(ServiceType.RENEW, true, 1));
  }

  @Test
  void yearOptionsAreTheYearsWithAPrice() {
    assertEquals(List.of(1, 2, 3), prices.yearOptions(ServiceType.RENEW, false));
    PriceTable twoYearsOnly =
        new PriceTable(
            List.of(
                new PriceEntry(ServiceType.RENEW, false, 2, new BigDecimal("380.00")),
                new PriceEntry(ServiceType.RENEW, false, 1, new BigDecimal("200.00"))));
    assertEquals(List.of(1, 2), twoYearsOnly.yearOptions(ServiceType.RENEW, false));
  }

  @Test
  void refusesYearsWithoutAPrice() {
    BusinessException e =
        assertThrows(BusinessException.class, () -> prices.quote(ServiceType.RENEW, false, 5));
    assertEquals("application.price.unavailable", e.messageKey());
    assertThrows(BusinessException.class, () -> prices.quote(ServiceType.RENEW, false, null));
  }

  @Test
  void aPriceIsNeverNegative() {
    assertThrows(IllegalArgumentException.class, () -> new PriceQuote(new BigDecimal("-1")));
  }

  @Test
  void aNewPriceAppliesFromItsDayAndTheOldOneBefore() {
    List<PriceEntry> rows = new java.util.ArrayList<>(ManualCatalogue.priceEntries());
    LocalDate from = LocalDate.of(2026, 12, 8);
    rows.add(
        new PriceEntry(
            ServiceType.CHANGE,
            false,
            0,
            ApplicantScope.BOTH,
            from,
            new PriceQuote(new BigDecimal("80.00"))));
    assertEquals(
        new BigDecimal("100.00"),
        PriceTable.inForce(rows, AccountType.ORGANISATION, from.minusDays(1))
            .quote(ServiceType.CHANGE, false, null)
            .amount());
    assertEquals(
        new BigDecimal("80.00"),
        PriceTable.inForce(rows, AccountType.ORGANISATION, from)
            .quote(ServiceType.CHANGE, false, null)
            .amount());
  }

  @Test
  void onTheSameDayTheApplicantsOwnPriceWinsOverOneForBoth() {
    List<PriceEntry> rows = new java.util.ArrayList<>(ManualCatalogue.priceEntries());
    rows.add(
        new PriceEntry(
            ServiceType.LOST,
            false,
            0,
            ApplicantScope.NATURAL_PERSON,
            PriceEntry.SEEDED_FROM,
            new PriceQuote(new BigDecimal("60.00"))));
    LocalDate day = LocalDate.of(2026, 12, 8);
    assertEquals(
        new BigDecimal("60.00"),
        PriceTable.inForce(rows, AccountType.NATURAL_PERSON, day)
            .quote(ServiceType.LOST, false, null)
            .amount());
    assertEquals(
        new BigDecimal("100.00"),
        PriceTable.inForce(rows, AccountType.ORGANISATION, day)
            .quote(ServiceType.LOST, false, null)
            .amount());
  }

  @Test
  void aRetiredPriceNoLongerApplies() {
    PriceEntry only =
        new PriceEntry(
            ServiceType.CHANGE,
            false,
            0,
            ApplicantScope.BOTH,
            PriceEntry.SEEDED_FROM,
            new PriceQuote(new BigDecimal("100.00")));
    only.retire();
    assertTrue(
        PriceTable.inForce(List.of(only), AccountType.ORGANISATION, LocalDate.of(2026, 12, 8))
            .find(ServiceType.CHANGE, false, null)
            .isEmpty());
  }
}
