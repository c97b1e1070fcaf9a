package cn.cwca.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Role;
import cn.cwca.portal.account.StaffRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each staff role reaches its own part of the services and is refused everything else: 系统管理员
 * (ADMIN) the accounts, notices, SMS outbox, audit trail and reports; 审核员 (REVIEWER) the review;
 * 操作员 (OPERATOR) 制证, shipping and the counter; 财务 (FINANCE) invoices, bank transfers, refunds and
 * the revenue report. Read from the {@code @RolesAllowed}/{@code @PermitAll} annotations of every
 * {@code @Stateless} bean, the way the container enforces them; the table below is the declared
 * division of work, and any new business method must be placed in it (or among the open ones)
 * before this test passes.
 */
class StaffRoleBoundariesTest {

  /**
   * Open to every staff member (and applicants): their own account (password, mobile, profile) and
   * their own certificates. Revocation is checked inside (the owner, or staff).
   */
  private static final Set<String> EVERY_STAFF_MEMBER =
      Set.of(
          "AccountService.changeMobile",
          "AccountService.changePassword",
          "AccountService.sendMobileChangeCode",
          "AccountService.updateProfile",
          "CertificateService.ownCertificates",
          "CertificateService.ownCertificateDer",
          "CertificateService.revoke");

  /** The first login of every staff role: the one-time password is replaced. */
  private static final String FIRST_LOGIN = "AccountService.replaceOneTimePassword";

  /**
   * The part of each role: {@code Service.*} for every method of a service, else single methods.
   */
  private static final Map<Role, Set<String>> PARTS =
      Map.of(
          Role.ADMIN,
          Set.of(
              "StaffService.*",
              "ApplicantSupportService.*",
              "AuditTrail.*",
              "NoticeService.all",
              "NoticeService.edit",
              "NoticeService.publish",
              "NoticeService.withdraw",
              "SmsOutboxService.*",
              "CatalogueService.*",
              "ReportService.*",
              "StaffKeyService.*",
              "DocumentTemplateService.templates",
              "DocumentTemplateService.download",
              "DocumentTemplateService.upload",
              "DocumentTemplateService.restoreBuiltIn"),
          Role.REVIEWER,
          Set.of(
              "ReviewService.*",
              "ApplicationService.findForStaff",
              "ApplicationDocumentService.readForStaff"),
          Role.OPERATOR,
          Set.of(
              "ShippingService.atCounter",
              "ShippingService.handOver",
              "ShippingService.readyForPickup",
              "ShippingService.reship",
              "ShippingService.ship",
              "ShippingService.shipped",
              "ShippingService.toPutOut",
              "ShippingService.toShip",
              "IssuanceService.makeAtOffice",
              "IssuanceService.officeQueue",
              "IssuanceService.sendUserPin",
              "ApplicationService.findForStaff",
              "ApplicationDocumentService.readForStaff"),
          Role.FINANCE,
          Set.of(
              "InvoiceService.awaiting",
              "InvoiceService.file",
              "InvoiceService.issue",
              "InvoiceService.issued",
              "InvoiceService.reverse",
              "PaymentService.confirmTransfer",
              "PaymentService.markRefunded",
              "PaymentService.openTransfers",
              "PaymentService.refundQueue",
              "ApplicationService.findForStaff",
              "ReportService.revenue"));

  /**
   * Beans open to every caller: anonymous pages (login, registration, password reset, notices, the
   * CA's public answers), and steps the other services call inside (their callers are checked
   * there). A new one must be placed here on purpose.
   */
  private static final Set<String> OPEN =
      Set.of(
          "AccountService.credentialsVersion",
          "AccountService.find",
          "AccountService.mustChangePassword",
          "AccountService.registerOrganisation",
          "AccountService.registerPerson",
          "AccountService.sendRegistrationCode",
          "ApplicationDocumentService.uploadPolicy",
          "AuditChainer.*",
          "AuditLog.*",
          "AutoCompleteStep.*",
          "Catalogue.*",
          "CertificateRegistry.*",
          "CertificateService.answerOcsp",
          "CertificateService.caCertificates",
          "CertificateService.crl",
          "CertificateService.currentCrl",
          "CertificateService.issuedByThisCa",
          "CertificateService.issuerCertificate",
          "CertificateService.legacyCrl",
          "CertificateService.legacyIssuerCertificate",
          "CertificateService.refreshCrls",
          "DocumentStore.*",
          "HandOverRefusals.*",
          "KeyProofs.*",
          "LoginService.*",
          "NoticeService.latest",
          "NoticeService.recentNotices",
          "OrderSms.*",
          "OrderSteps.*",
          "Orders.*",
          "OutboxSmsGateway.*",
          "PasswordResetService.*",
          "PaymentNotifications.*",
          "PaymentReconciliation.*",
          "PaymentService.sandboxPayment",
          "PaymentSettlement.*",
          "RetentionJob.*",
          "SandboxGateway.*",
          "ShippingAutoCompletion.*",
          "SmsCodeAttempts.*",
          "SmsCodes.*",
          "KeyLoginService.*");

  private static List<ServiceRoles.Access> all() {
    List<ServiceRoles.Access> all = new ArrayList<>();
    for (Class<?> bean : ServiceRoles.statelessBeans()) {
      all.addAll(ServiceRoles.of(bean));
    }
    return all;
  }

  private static boolean listed(Set<String> entries, ServiceRoles.Access access) {
    return entries.contains(access.name())
        || entries.contains(access.service().getSimpleName() + ".*");
  }

  private static boolean inPart(Role role, ServiceRoles.Access access) {
    return listed(PARTS.get(role), access)
        || listed(EVERY_STAFF_MEMBER, access)
        || access.name().equals(FIRST_LOGIN);
  }

  @Test
  void theServicesAreFound() {
    assertTrue(all().stream().anyMatch(a -> a.name().equals("StaffService.create")));
    assertTrue(all().size() > 100, "business methods: " + all().size());
  }

  @Test
  void everyBusinessMethodSaysWhoMayCallIt() {
    List<String> unannotated =
        all().stream().filter(a -> !a.annotated()).map(ServiceRoles.Access::name).toList();
    assertEquals(List.of(), unannotated);
  }

  @Test
  void theMethodsOpenToEveryCallerAreTheDeclaredOnes() {
    List<String> open =
        all().stream()
            .filter(a -> !a.restricted())
            .filter(a -> !listed(OPEN, a))
            .map(ServiceRoles.Access::name)
            .toList();
    assertEquals(List.of(), open, "open to anybody, but not declared open");
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMIN", "REVIEWER", "OPERATOR", "FINANCE"})
  void eachStaffRoleIsRefusedEverythingOutsideItsPart(Role role) {
    List<String> beyond =
        all().stream()
            .filter(ServiceRoles.Access::restricted)
            .filter(a -> a.allows(role.name()) && !inPart(role, a))
            .map(ServiceRoles.Access::name)
            .toList();
    assertEquals(List.of(), beyond, role + " may call these outside its part");
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMIN", "REVIEWER", "OPERATOR", "FINANCE"})
  void eachStaffRoleReachesItsWholePart(Role role) {
    List<String> refused =
        all().stream()
            .filter(a -> listed(PARTS.get(role), a) || a.name().equals(FIRST_LOGIN))
            .filter(a -> !a.allows(role.name()))
            .map(ServiceRoles.Access::name)
            .toList();
    assertEquals(List.of(), refused, role + " is refused these of its own part");
  }

  @Test
  void everyPartNamesExistingMethodsAndEveryStaffRoleHasOne() {
    assertEquals(StaffRules.STAFF_ROLES, PARTS.keySet());
    List<ServiceRoles.Access> all = all();
    Stream.of(
            PARTS.values().stream().flatMap(Set::stream),
            EVERY_STAFF_MEMBER.stream(),
            OPEN.stream())
        .flatMap(s -> s)
        .forEach(
            entry ->
                assertTrue(
                    all.stream().anyMatch(a -> listed(Set.of(entry), a)),
                    entry + " names no business method"));
  }

  @Test
  void applicantsReachNoStaffPart() {
    for (ServiceRoles.Access access : all()) {
      boolean staffPart = PARTS.values().stream().anyMatch(part -> listed(part, access));
      if (staffPart && access.restricted()) {
        assertFalse(access.allows(Role.APPLICANT.name()), access.name());
      }
    }
  }
}
