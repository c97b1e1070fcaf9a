package cn.cwca.portal.catalogue;

import static cn.cwca.portal.catalogue.PickupMethod.COURIER;
import static cn.cwca.portal.catalogue.PickupMethod.PICKUP;
import static cn.cwca.portal.catalogue.PickupMethod.SELF_SERVICE;
import static cn.cwca.portal.catalogue.ServiceType.CHANGE;
import static cn.cwca.portal.catalogue.ServiceType.CHANGE_AND_RENEW;
import static cn.cwca.portal.catalogue.ServiceType.LOST;
import static cn.cwca.portal.catalogue.ServiceType.NEW_OR_REPLACE;
import static cn.cwca.portal.catalogue.ServiceType.RENEW;
import static cn.cwca.portal.catalogue.ServiceType.RENEW_AND_LOST;

import cn.cwca.portal.account.AccountType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference data of the V3 migration, as the user manual (4.1.x.3, 4.1.x.4) and
 * docs/workflow.md ("The application": the documents of natural persons) state it, for the rule
 * tests; the integration test (CertificateApplicationIT, through this module's test-jar) checks
 * that every seeded row says the same. Pickup options are listed in display order.
 */
public final class ManualCatalogue {

  public static final HandlingPoint LIAOCHENG =
      new HandlingPoint("SD_LIAOCHENG", "山东聊城办理点", "山东省聊城市");
  public static final HandlingPoint YINCHUAN =
      new HandlingPoint("NX_YINCHUAN", "宁夏银川办理点", "宁夏回族自治区银川市");

  private ManualCatalogue() {}

  /** 办理点, in display order. */
  public static List<HandlingPoint> handlingPoints() {
    return List.of(LIAOCHENG, YINCHUAN);
  }

  public static PickupRules pickupRules() {
    return new PickupRules(pickupOptions());
  }

  /** 取key方式 per service type and key, in display order within each. */
  public static List<PickupOption> pickupOptions() {
    return List.of(
        new PickupOption(NEW_OR_REPLACE, false, COURIER, LIAOCHENG),
        new PickupOption(NEW_OR_REPLACE, false, PICKUP, LIAOCHENG),
        new PickupOption(NEW_OR_REPLACE, true, COURIER, YINCHUAN),
        new PickupOption(RENEW, false, SELF_SERVICE, LIAOCHENG),
        new PickupOption(CHANGE, false, SELF_SERVICE, LIAOCHENG),
        new PickupOption(CHANGE_AND_RENEW, false, SELF_SERVICE, LIAOCHENG),
        new PickupOption(LOST, false, COURIER, LIAOCHENG),
        new PickupOption(LOST, false, PICKUP, LIAOCHENG),
        new PickupOption(RENEW_AND_LOST, false, COURIER, LIAOCHENG),
        new PickupOption(RENEW_AND_LOST, false, PICKUP, LIAOCHENG),
        new PickupOption(RENEW_AND_LOST, true, COURIER, YINCHUAN));
  }

  public static PriceTable priceTable() {
    return new PriceTable(priceEntries());
  }

  public static List<PriceEntry> priceEntries() {
    List<PriceEntry> entries = new ArrayList<>();
    years(entries, NEW_OR_REPLACE, false, "0.00", "0.00", "0.00");
    years(entries, NEW_OR_REPLACE, true, "300.00", "500.00", "700.00");
    years(entries, RENEW, false, "200.00", "380.00", "540.00");
    entries.add(new PriceEntry(CHANGE, false, 0, new BigDecimal("100.00")));
    entries.add(new PriceEntry(LOST, false, 0, new BigDecimal("100.00")));
    years(entries, CHANGE_AND_RENEW, false, "260.00", "440.00", "600.00");
    years(entries, RENEW_AND_LOST, false, "200.00", "380.00", "540.00");
    years(entries, RENEW_AND_LOST, true, "350.00", "530.00", "690.00");
    return entries;
  }

  public static DocumentRequirements documentRequirements() {
    return new DocumentRequirements(documentRequirementRows());
  }

  public static List<DocumentRequirement> documentRequirementRows() {
    List<DocumentRequirement> rows = new ArrayList<>();
    for (ServiceType type : ServiceType.values()) {
      for (DocumentType document : DocumentType.values()) {
        rows.add(new DocumentRequirement(AccountType.ORGANISATION, type, document, true));
      }
      rows.add(
          new DocumentRequirement(
              AccountType.NATURAL_PERSON, type, DocumentType.APPLICATION_FORM, true));
      rows.add(
          new DocumentRequirement(
              AccountType.NATURAL_PERSON, type, DocumentType.SERVICE_AGREEMENT, true));
      rows.add(
          new DocumentRequirement(AccountType.NATURAL_PERSON, type, DocumentType.SEAL_FORM, false));
      rows.add(
          new DocumentRequirement(
              AccountType.NATURAL_PERSON, type, DocumentType.AGENT_ID_COPY, true));
      rows.add(
          new DocumentRequirement(
              AccountType.NATURAL_PERSON, type, DocumentType.POWER_OF_ATTORNEY, false));
    }
    return rows;
  }

  private static void years(
      List<PriceEntry> entries, ServiceType type, boolean furtherKey, String... prices) {
    for (int i = 0; i < prices.length; i++) {
      entries.add(new PriceEntry(type, furtherKey, i + 1, new BigDecimal(prices[i])));
    }
  }
}
