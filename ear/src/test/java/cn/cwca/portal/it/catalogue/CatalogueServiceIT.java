package cn.cwca.portal.it.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.ApplicantScope;
import cn.cwca.portal.catalogue.Catalogue;
import cn.cwca.portal.catalogue.CatalogueService;
import cn.cwca.portal.catalogue.DocumentAsk;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.HandlingPoint;
import cn.cwca.portal.catalogue.HandlingPointDetails;
import cn.cwca.portal.catalogue.NewPrice;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.PortalText;
import cn.cwca.portal.catalogue.PortalTextKey;
import cn.cwca.portal.catalogue.PriceEntry;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BeijingDays;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.it.staff.StaffCallers;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 目录维护 in the container with PostgreSQL: retiring the last price or the last handling point of a
 * service type is refused with a Chinese message and changes nothing; a price change applies from
 * its day, for its applicant type; changes are audited with the values before and after; only
 * administrators change the catalogue. Runs as {@link StaffCallers#ADMIN} unless it switches. Each
 * test starts and ends with the seeded catalogue (V3, V16), which the other tests read.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogueServiceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.92");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        CatalogueServiceIT.class, StaffCallers.class, SwitchingCallers.class);
  }

  @EJB CatalogueService catalogueService;
  @EJB Catalogue catalogue;
  @EJB AuditLog audit;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** The seeded catalogue again: what these tests (or an interrupted run of them) changed. */
  @BeforeEach
  @AfterEach
  void seededCatalogue() throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE price_entry SET retired = (applies_from <> date '2000-01-01')"
              + " WHERE retired <> (applies_from <> date '2000-01-01')");
      s.executeUpdate(
          "UPDATE handling_point SET hours = '', phone = '', retired = false,"
              + " hands_over = (code <> 'NX_YINCHUAN'), ships = true"
              + " WHERE code IN ('SD_LIAOCHENG', 'NX_YINCHUAN')");
      s.executeUpdate("UPDATE pickup_option SET retired = false WHERE retired");
      s.executeUpdate(
          "UPDATE document_requirement SET retired = false, required = true"
              + " WHERE user_type = 'ORGANISATION' AND service_type = 'CHANGE'"
              + " AND document_type = 'SEAL_FORM'");
      s.executeUpdate(
          "UPDATE portal_text SET content = '4007-188588'"
              + " WHERE text_key = 'CUSTOMER_SERVICE_PHONE'");
    }
  }

  @Test
  void retiringTheLastPriceOfAServiceTypeIsRefusedInChineseAndChangesNothing() {
    PriceEntry change = onlyPrice(ServiceType.CHANGE);
    long before = audit.forTarget(target(change)).size();

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> catalogueService.retirePrice(change.getId(), change.getVersion(), CLIENT));

    assertEquals("catalogue.price.last", refused.messageKey());
    String text = Messages.format(refused.messageKey(), refused.args());
    assertTrue(text.contains("“变更”") && text.contains("不能停用"), text);
    PriceEntry after = onlyPrice(ServiceType.CHANGE);
    assertFalse(after.isRetired());
    assertEquals(change.getVersion(), after.getVersion());
    assertEquals(before, audit.forTarget(target(change)).size(), "nothing audited");
    assertEquals(
        new BigDecimal("100.00"),
        prices(AccountType.ORGANISATION).quote(ServiceType.CHANGE, false, null).amount());
  }

  @Test
  void retiringTheLastHandlingPointOfAServiceTypeIsRefusedAndChangesNothing() {
    // 宁夏银川 alone ships the further (paid) keys of 新办 and 更新+丢失补办
    HandlingPoint yinchuan = point("NX_YINCHUAN");

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () ->
                catalogueService.retireHandlingPoint(
                    yinchuan.getCode(), yinchuan.getVersion(), CLIENT));

    assertEquals("catalogue.handlingPoint.last", refused.messageKey());
    assertTrue(
        Messages.format(refused.messageKey(), refused.args()).contains("新办（替换）"),
        Messages.format(refused.messageKey(), refused.args()));
    assertFalse(point("NX_YINCHUAN").isRetired());
    assertEquals(yinchuan.getVersion(), point("NX_YINCHUAN").getVersion());
    assertFalse(catalogue.pickupRules().optionsFor(ServiceType.NEW_OR_REPLACE, true).isEmpty());
    assertTrue(
        audit.forTarget("catalogue:handlingPoint:NX_YINCHUAN").stream()
            .noneMatch(e -> e.getAction().equals("catalogue.handlingPointRetired")));
  }

  @Test
  void retiringTheOnlyPickupRuleOfAServiceTypeIsRefused() {
    PickupOption renew =
        catalogueService.pickupOptions().stream()
            .filter(o -> o.getServiceType() == ServiceType.RENEW && !o.isRetired())
            .findFirst()
            .orElseThrow();
    assertEquals(
        "catalogue.handlingPoint.last",
        refusal(
            () -> catalogueService.retirePickupOption(renew.getId(), renew.getVersion(), CLIENT)));
    assertEquals(1, catalogue.pickupRules().optionsFor(ServiceType.RENEW, false).size());
  }

  @Test
  void aNewPriceAppliesFromItsDayToItsApplicantTypeAndIsAuditedBeforeAndAfter() {
    PriceEntry added =
        catalogueService.addPrice(
            new NewPrice(
                ServiceType.CHANGE,
                false,
                null,
                ApplicantScope.ORGANISATION,
                today(),
                new BigDecimal("88"),
                null),
            CLIENT);

    assertEquals(
        new BigDecimal("88.00"),
        prices(AccountType.ORGANISATION).quote(ServiceType.CHANGE, false, null).amount());
    assertEquals(
        new BigDecimal("100.00"),
        prices(AccountType.NATURAL_PERSON).quote(ServiceType.CHANGE, false, null).amount());
    AuditEntry entry = only(audit.forTarget(target(added)), "catalogue.priceAdded");
    assertEquals(StaffCallers.ADMIN, entry.getActor());
    assertTrue(
        entry.getDetails().contains("in force today: CHANGE/first key/0y/BOTH 100.00")
            && entry.getDetails().contains("-> new: CHANGE/first key/0y/ORGANISATION 88.00"),
        entry.getDetails());

    // the seeded price for both still stands: the new one may be retired, and the old one applies
    catalogueService.retirePrice(added.getId(), added.getVersion(), CLIENT);
    assertEquals(
        new BigDecimal("100.00"),
        prices(AccountType.ORGANISATION).quote(ServiceType.CHANGE, false, null).amount());
    AuditEntry retired = only(audit.forTarget(target(added)), "catalogue.priceRetired");
    assertTrue(retired.getDetails().endsWith("-> retired"), retired.getDetails());
  }

  @Test
  void refusesAPriceForAPastDayAndAStaleRow() {
    assertEquals(
        "catalogue.price.appliesFromPast",
        refusal(
            () ->
                catalogueService.addPrice(
                    new NewPrice(
                        ServiceType.LOST,
                        false,
                        null,
                        ApplicantScope.BOTH,
                        today().minusDays(1),
                        new BigDecimal("90"),
                        null),
                    CLIENT)));
    PriceEntry lost = onlyPrice(ServiceType.LOST);
    assertEquals(
        "catalogue.concurrentEdit",
        refusal(() -> catalogueService.retirePrice(lost.getId(), lost.getVersion() + 1, CLIENT)));
  }

  @Test
  void aHandlingPointChangeIsAuditedWithTheValuesBeforeAndAfter() {
    HandlingPoint liaocheng = point("SD_LIAOCHENG");
    HandlingPointDetails d = liaocheng.details();
    catalogueService.changeHandlingPoint(
        "SD_LIAOCHENG",
        liaocheng.getVersion(),
        new HandlingPointDetails(
            d.name(), d.address(), "周一至周五 9:00-17:00", "0635-1234567", true, true),
        CLIENT);

    assertEquals("周一至周五 9:00-17:00", point("SD_LIAOCHENG").getHours());
    AuditEntry entry =
        only(
            audit.forTarget("catalogue:handlingPoint:SD_LIAOCHENG"),
            "catalogue.handlingPointChanged");
    String[] sides = entry.getDetails().split(" -> ");
    assertTrue(sides[0].contains("hours=, phone=,"), entry.getDetails());
    assertTrue(sides[1].contains("hours=周一至周五 9:00-17:00, phone=0635-1234567"), entry.getDetails());
  }

  @Test
  void aHandlingPointKeepsShippingWhileACourierRuleUsesIt() {
    HandlingPoint liaocheng = point("SD_LIAOCHENG");
    HandlingPointDetails d = liaocheng.details();
    assertEquals(
        "catalogue.handlingPoint.inUse",
        refusal(
            () ->
                catalogueService.changeHandlingPoint(
                    "SD_LIAOCHENG",
                    liaocheng.getVersion(),
                    new HandlingPointDetails(d.name(), d.address(), "", "", false, true),
                    CLIENT)));
    assertTrue(point("SD_LIAOCHENG").isShips());
  }

  @Test
  void aDocumentNoLongerAskedForLeavesTheRequirements() {
    long version =
        catalogueService.documentRequirements().stream()
            .filter(
                r ->
                    r.getUserType() == AccountType.ORGANISATION
                        && r.getServiceType() == ServiceType.CHANGE
                        && r.getDocumentType() == DocumentType.SEAL_FORM)
            .findFirst()
            .orElseThrow()
            .getVersion();
    catalogueService.setDocumentAsk(
        AccountType.ORGANISATION,
        ServiceType.CHANGE,
        DocumentType.SEAL_FORM,
        DocumentAsk.NOT_ASKED,
        version,
        CLIENT);
    assertFalse(
        catalogue
            .documentRequirements(AccountType.ORGANISATION, ServiceType.CHANGE)
            .isAsked(AccountType.ORGANISATION, ServiceType.CHANGE, DocumentType.SEAL_FORM));
    AuditEntry entry =
        only(
            audit.forTarget("catalogue:document:ORGANISATION/CHANGE/SEAL_FORM"),
            "catalogue.documentRequirementChanged");
    assertEquals("REQUIRED -> NOT_ASKED", entry.getDetails());
    assertEquals(
        "catalogue.document.applicationFormRequired",
        refusal(
            () ->
                catalogueService.setDocumentAsk(
                    AccountType.ORGANISATION,
                    ServiceType.CHANGE,
                    DocumentType.APPLICATION_FORM,
                    DocumentAsk.OPTIONAL,
                    0,
                    CLIENT)));
  }

  @Test
  void aTextChangeReachesTheApplicantsAndIsAuditedBeforeAndAfter() {
    PortalText phone = text(PortalTextKey.CUSTOMER_SERVICE_PHONE);
    catalogueService.changeText(
        PortalTextKey.CUSTOMER_SERVICE_PHONE, "4007-188589", phone.getVersion(), CLIENT);

    assertEquals("4007-188589", catalogue.text(PortalTextKey.CUSTOMER_SERVICE_PHONE));
    AuditEntry entry =
        only(audit.forTarget("catalogue:text:CUSTOMER_SERVICE_PHONE"), "catalogue.textChanged");
    assertEquals("\"4007-188588\" -> \"4007-188589\"", entry.getDetails());
    assertTrue(catalogue.text(PortalTextKey.STATEMENT).startsWith("本单位（个人）承诺"));
  }

  @Test
  void onlyAdministratorsChangeTheCatalogue() {
    PriceEntry change = onlyPrice(ServiceType.CHANGE);
    for (String caller :
        List.of(StaffCallers.REVIEWER, StaffCallers.OPERATOR, StaffCallers.FINANCE)) {
      as(caller);
      assertThrows(EJBAccessException.class, () -> catalogueService.prices(), caller);
      assertThrows(
          EJBAccessException.class,
          () -> catalogueService.retirePrice(change.getId(), change.getVersion(), CLIENT),
          caller);
      assertThrows(
          EJBAccessException.class,
          () ->
              catalogueService.changeText(
                  PortalTextKey.CUSTOMER_SERVICE_PHONE, "4007-000000", 0, CLIENT),
          caller);
      assertThrows(
          EJBAccessException.class,
          () -> catalogueService.retireHandlingPoint("SD_LIAOCHENG", 0, CLIENT),
          caller);
    }
    assertEquals("4007-188588", catalogue.text(PortalTextKey.CUSTOMER_SERVICE_PHONE));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private PriceEntry onlyPrice(ServiceType type) {
    List<PriceEntry> rows =
        catalogueService.prices().stream()
            .filter(e -> e.getServiceType() == type && !e.isRetired())
            .toList();
    assertEquals(1, rows.size(), type + ": " + rows);
    return rows.get(0);
  }

  private HandlingPoint point(String code) {
    return catalogueService.handlingPoints().stream()
        .filter(p -> p.getCode().equals(code))
        .findFirst()
        .orElseThrow();
  }

  private PortalText text(PortalTextKey key) {
    return catalogueService.texts().stream()
        .filter(t -> t.getKey() == key)
        .findFirst()
        .orElseThrow();
  }

  private cn.cwca.portal.catalogue.PriceTable prices(AccountType type) {
    return catalogue.priceTable(type, today());
  }

  private static LocalDate today() {
    return LocalDate.now(BeijingDays.ZONE);
  }

  private static String target(PriceEntry entry) {
    return "catalogue:price:" + entry.getId();
  }

  /** The newest entry of the action (the trail of a target is newest first). */
  private static AuditEntry only(List<AuditEntry> entries, String action) {
    return entries.stream()
        .filter(e -> e.getAction().equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " in " + entries.size()));
  }

  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  private static String refusal(Runnable call) {
    return assertThrows(BusinessException.class, call::run).messageKey();
  }
}
