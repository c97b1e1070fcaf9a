package cn.cwca.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.BusinessException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CatalogueRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

  private static String refusal(Executable change) {
    return assertThrows(BusinessException.class, change).messageKey();
  }

  private static NewPrice price(ServiceType type, boolean further, Integer years, String amount) {
    return new NewPrice(
        type, further, years, ApplicantScope.BOTH, TODAY, new BigDecimal(amount), null);
  }

  @Test
  void aNewPriceAppliesFromTodayOrLaterAndNeverToThePast() {
    PriceEntry entry = CatalogueRules.newPrice(price(ServiceType.RENEW, false, 2, "360"), TODAY);
    assertEquals(new BigDecimal("360.00"), entry.getAmount());
    assertEquals(BigDecimal.ZERO.setScale(2), entry.getKeyAmount());
    assertEquals(TODAY, entry.getAppliesFrom());
    NewPrice yesterday =
        new NewPrice(
            ServiceType.RENEW,
            false,
            2,
            ApplicantScope.BOTH,
            TODAY.minusDays(1),
            new BigDecimal("360"),
            null);
    assertEquals(
        "catalogue.price.appliesFromPast",
        refusal(() -> CatalogueRules.newPrice(yesterday, TODAY)));
  }

  @Test
  void refusesYearsTheServiceTypeDoesNotHave() {
    assertEquals(
        "catalogue.price.years",
        refusal(() -> CatalogueRules.newPrice(price(ServiceType.CHANGE, false, 1, "90"), TODAY)));
    assertEquals(
        "catalogue.price.years",
        refusal(() -> CatalogueRules.newPrice(price(ServiceType.RENEW, false, 0, "90"), TODAY)));
    assertEquals(
        "catalogue.price.years",
        refusal(() -> CatalogueRules.newPrice(price(ServiceType.RENEW, false, 11, "90"), TODAY)));
    assertEquals(
        0, CatalogueRules.newPrice(price(ServiceType.LOST, false, null, "90"), TODAY).getYears());
  }

  @Test
  void refusesAFurtherKeyPriceForATypeThatDoesNotTellKeysApart() {
    assertEquals(
        "catalogue.price.furtherKey",
        refusal(() -> CatalogueRules.newPrice(price(ServiceType.RENEW, true, 1, "90"), TODAY)));
  }

  @Test
  void refusesNegativeAmountsFractionsOfFenAndAKeyDearerThanTheWhole() {
    assertEquals(
        "catalogue.price.amount",
        refusal(() -> CatalogueRules.newPrice(price(ServiceType.LOST, false, 0, "-1"), TODAY)));
    assertEquals(
        "catalogue.price.amount",
        refusal(() -> CatalogueRules.newPrice(price(ServiceType.LOST, false, 0, "1.005"), TODAY)));
    NewPrice dearKey =
        new NewPrice(
            ServiceType.LOST,
            false,
            0,
            ApplicantScope.BOTH,
            TODAY,
            new BigDecimal("100"),
            new BigDecimal("150"));
    assertEquals(
        "catalogue.price.keyAmount", refusal(() -> CatalogueRules.newPrice(dearKey, TODAY)));
  }

  @Test
  void theSeededPricesKeepEveryServiceTypePriced() {
    CatalogueRules.keepPrices(ManualCatalogue.priceEntries(), TODAY);
  }

  @Test
  void refusesRetiringTheLastPriceOfAServiceType() {
    List<PriceEntry> rows = new ArrayList<>(ManualCatalogue.priceEntries());
    rows.removeIf(e -> e.getServiceType() == ServiceType.CHANGE);
    assertEquals("catalogue.price.last", refusal(() -> CatalogueRules.keepPrices(rows, TODAY)));
  }

  @Test
  void aPriceOnlyForOrganisationsLeavesNaturalPersonsWithout() {
    List<PriceEntry> rows = new ArrayList<>(ManualCatalogue.priceEntries());
    rows.removeIf(e -> e.getServiceType() == ServiceType.LOST);
    rows.add(
        new PriceEntry(
            ServiceType.LOST,
            false,
            0,
            ApplicantScope.ORGANISATION,
            PriceEntry.SEEDED_FROM,
            new PriceQuote(new BigDecimal("100.00"))));
    BusinessException e =
        assertThrows(BusinessException.class, () -> CatalogueRules.keepPrices(rows, TODAY));
    assertEquals("catalogue.price.last", e.messageKey());
    assertEquals("丢失补办", e.args()[0]);
  }

  @Test
  void aPriceFromTomorrowDoesNotKeepAServiceTypePricedToday() {
    List<PriceEntry> rows = new ArrayList<>(ManualCatalogue.priceEntries());
    rows.removeIf(e -> e.getServiceType() == ServiceType.CHANGE);
    rows.add(
        new PriceEntry(
            ServiceType.CHANGE,
            false,
            0,
            ApplicantScope.BOTH,
            TODAY.plusDays(1),
            new PriceQuote(new BigDecimal("100.00"))));
    assertEquals("catalogue.price.last", refusal(() -> CatalogueRules.keepPrices(rows, TODAY)));
  }

  @Test
  void theSeededPickupRulesKeepEveryServiceTypeAHandlingPoint() {
    CatalogueRules.keepHandlingPoints(ManualCatalogue.pickupOptions());
  }

  @Test
  void refusesRetiringTheOnlyHandlingPointOfAFurtherNewKey() {
    HandlingPoint yinchuan =
        new HandlingPoint(
            "NX_YINCHUAN",
            new HandlingPointDetails("宁夏银川办理点", "宁夏回族自治区银川市", "", "", true, false),
            2);
    yinchuan.setRetired(true);
    List<PickupOption> options =
        ManualCatalogue.pickupOptions().stream()
            .map(
                o ->
                    o.getHandlingPoint().getCode().equals("NX_YINCHUAN")
                        ? new PickupOption(
                            o.getServiceType(), o.isFurtherKey(), o.getMethod(), yinchuan)
                        : o)
            .toList();
    BusinessException e =
        assertThrows(BusinessException.class, () -> CatalogueRules.keepHandlingPoints(options));
    assertEquals("catalogue.handlingPoint.last", e.messageKey());
    assertEquals("新办（替换）", e.args()[0]);
  }

  @Test
  void refusesRetiringTheOnlyPickupOptionOfAServiceType() {
    List<PickupOption> options =
        ManualCatalogue.pickupOptions().stream()
            .filter(o -> o.getServiceType() != ServiceType.RENEW)
            .toList();
    assertEquals(
        "catalogue.handlingPoint.last", refusal(() -> CatalogueRules.keepHandlingPoints(options)));
  }

  @Test
  void aHandlingPointShipsOrHandsOverOrBoth() {
    assertEquals(
        "catalogue.handlingPoint.servesNothing",
        refusal(
            () ->
                CatalogueRules.handlingPoint(
                    new HandlingPointDetails("济南办理点", "山东省济南市", null, null, false, false))));
    HandlingPointDetails d =
        CatalogueRules.handlingPoint(
            new HandlingPointDetails(
                " 济南办理点 ", "山东省济南市", " 9:00-17:00 ", "0531-1234567", true, false));
    assertEquals("济南办理点", d.name());
    assertEquals("9:00-17:00", d.hours());
  }

  @Test
  void refusesAPhoneWithLettersAndACodeInLowerCase() {
    assertEquals(
        "catalogue.phone",
        refusal(
            () ->
                CatalogueRules.handlingPoint(
                    new HandlingPointDetails("济南办理点", "山东省济南市", null, "call us", true, true))));
    assertEquals(
        "catalogue.handlingPoint.code",
        refusal(() -> CatalogueRules.handlingPointCode("sd_jinan")));
    assertEquals("SD_JINAN", CatalogueRules.handlingPointCode(" SD_JINAN "));
  }

  @Test
  void aCourierRuleNeedsAPointThatShips() {
    HandlingPoint counterOnly =
        new HandlingPoint(
            "SD_JINAN", new HandlingPointDetails("济南办理点", "山东省济南市", "", "", false, true), 3);
    assertEquals(
        "catalogue.pickup.pointCannotServe",
        refusal(() -> CatalogueRules.pointServes(counterOnly, PickupMethod.COURIER)));
    CatalogueRules.pointServes(counterOnly, PickupMethod.PICKUP);
    CatalogueRules.pointServes(counterOnly, PickupMethod.SELF_SERVICE);
  }

  @Test
  void aPointKeepsShippingWhileACourierRuleUsesIt() {
    List<PickupOption> liaocheng =
        ManualCatalogue.pickupOptions().stream()
            .filter(o -> o.getHandlingPoint().getCode().equals("SD_LIAOCHENG"))
            .toList();
    assertEquals(
        "catalogue.handlingPoint.inUse",
        refusal(
            () ->
                CatalogueRules.keepsServing(
                    new HandlingPointDetails("山东聊城办理点", "山东省聊城市", "", "", false, true),
                    liaocheng)));
  }

  @Test
  void theApplicationFormIsAlwaysRequired() {
    assertEquals(
        "catalogue.document.applicationFormRequired",
        refusal(
            () -> CatalogueRules.documentAsk(DocumentType.APPLICATION_FORM, DocumentAsk.OPTIONAL)));
    CatalogueRules.documentAsk(DocumentType.SEAL_FORM, DocumentAsk.NOT_ASKED);
  }

  @Test
  void aRetiredRequirementIsNotAsked() {
    DocumentRequirement seal =
        new DocumentRequirement(
            AccountType.ORGANISATION, ServiceType.CHANGE, DocumentType.SEAL_FORM, true);
    seal.setAsk(DocumentAsk.NOT_ASKED);
    DocumentRequirements requirements = new DocumentRequirements(List.of(seal));
    assertEquals(List.of(), requirements.asked(AccountType.ORGANISATION, ServiceType.CHANGE));
  }

  @Test
  void textsAreRequiredAndBoundedAndThePhoneIsANumber() {
    assertEquals(
        "validation.required",
        refusal(() -> CatalogueRules.portalText(PortalTextKey.STATEMENT, " ")));
    assertEquals(
        "catalogue.text.tooLong",
        refusal(() -> CatalogueRules.portalText(PortalTextKey.STATEMENT, "字".repeat(4001))));
    assertEquals(
        "catalogue.phone",
        refusal(() -> CatalogueRules.portalText(PortalTextKey.CUSTOMER_SERVICE_PHONE, "四零零")));
    assertEquals(
        "4007-188588",
        CatalogueRules.portalText(PortalTextKey.CUSTOMER_SERVICE_PHONE, " 4007-188588 "));
    assertEquals("第一行\n第二行", CatalogueRules.portalText(PortalTextKey.PICKUP_NOTE, "第一行\n第二行\n"));
  }
}
