package cn.cwca.portal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.OrganisationRegistration;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.MaskedIdentifier;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestSms;
import cn.cwca.portal.it.application.SampleDocuments;
import cn.cwca.portal.it.application.SubmittedOrders;
import cn.cwca.portal.support.AccountTransfer;
import cn.cwca.portal.support.ApplicantDetail;
import cn.cwca.portal.support.ApplicantOrder;
import cn.cwca.portal.support.ApplicantRow;
import cn.cwca.portal.support.ApplicantSupportService;
import cn.cwca.portal.support.CreditCodeTransfer;
import cn.cwca.portal.support.MobileChange;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applicant support in the container with PostgreSQL: 查找申请人 finds an applicant by each key; 解除锁定
 * lets a locked applicant log in at once; 更换手机号 needs the identity check and a reason and is
 * audited with masked numbers; 账户移交 keeps the organisation's orders and history; staff of the other
 * roles and applicants are refused. Runs as {@link SupportCallers#ADMIN} unless it switches ({@link
 * #as}); every test registers applicants of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicantSupportIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.93");
  private static final String WRONG = "Wrong0Password";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        ApplicantSupportIT.class,
        SupportCallers.class,
        SwitchingCallers.class,
        SubmittedOrders.class,
        SampleDocuments.class);
  }

  @EJB ApplicantSupportService support;
  @EJB AccountService accounts;
  @EJB LoginService login;
  @EJB AuditLog audit;
  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB InvoiceService invoices;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Test
  void searchFindsAnApplicantByMobileIdNumberCreditCodeAndNamePrefix() {
    Account person = person("检索" + suffix());
    Account organisation = organisation(TestIdentities.creditCode(), "检索机构" + suffix());

    assertEquals(List.of(person.getId()), ids(support.search(person.getMobile(), 0, 20).rows()));
    assertEquals(
        List.of(person.getId()),
        ids(support.search(person.getLoginName().toLowerCase(), 0, 20).rows()));
    assertEquals(
        List.of(organisation.getId()),
        ids(support.search(organisation.getLoginName(), 0, 20).rows()));
    assertTrue(
        ids(support.search(person.getDisplayName().substring(0, 6), 0, 100).rows())
            .contains(person.getId()),
        "a prefix of the name");

    ApplicantRow row = support.search(person.getMobile(), 0, 20).rows().get(0);
    assertEquals(MaskedIdentifier.of(person.getMobile()), row.maskedMobile());
    assertEquals(MaskedIdentifier.of(person.getLoginName()), row.shownLoginName());
    ApplicantRow org = support.search(organisation.getLoginName(), 0, 20).rows().get(0);
    assertEquals(organisation.getLoginName(), org.shownLoginName(), "a credit code is public");
    assertEquals(0, support.search("13" + "0".repeat(9), 0, 20).total());
    assertEquals("support.search.required", refusal(() -> support.search(" ", 0, 20)));
  }

  @Test
  void unlockingLetsTheLockedApplicantLogInAtOnce() {
    Account person = person("解锁" + suffix());
    String id = person.getLoginName();
    ClientInfo from = randomAddress();
    for (int i = 0; i < 5; i++) {
      assertTrue(login.authenticate(id, WRONG, from).isEmpty());
    }
    assertEquals(
        "login.throttled", refusal(() -> login.authenticate(id, TestIdentities.PASSWORD, from)));
    ApplicantDetail locked = support.detail(person.getId());
    assertTrue(locked.locked());

    assertEquals(
        "support.reason.required", refusal(() -> support.unlock(person.getId(), "", CLIENT)));
    assertEquals(5, support.unlock(person.getId(), "申请人来电，已核对身份", CLIENT));

    assertFalse(support.detail(person.getId()).locked());
    assertTrue(login.authenticate(id, TestIdentities.PASSWORD, from).isPresent());
    AuditEntry entry = latest(id, "support.unlocked");
    assertEquals(SupportCallers.ADMIN, entry.getActor());
    assertTrue(entry.getDetails().contains("申请人来电，已核对身份"), entry.getDetails());
    assertEquals(
        "support.unlock.notLocked", refusal(() -> support.unlock(person.getId(), "再次解锁", CLIENT)));
  }

  @Test
  void aMobileChangeNeedsTheIdentityCheckAndAReasonAndIsAuditedMasked() {
    Account person = person("换号" + suffix());
    Account other = person("占号" + suffix());
    String old = person.getMobile();
    String number = TestIdentities.mobile();
    long version = person.getVersion();

    assertEquals(
        "support.identityNotChecked",
        refusal(
            () ->
                support.changeMobile(
                    new MobileChange(person.getId(), version, number, false, "丢失手机"), CLIENT)));
    assertEquals(
        "support.reason.required",
        refusal(
            () ->
                support.changeMobile(
                    new MobileChange(person.getId(), version, number, true, " "), CLIENT)));
    assertEquals(
        "account.duplicate.mobile",
        refusal(
            () ->
                support.changeMobile(
                    new MobileChange(person.getId(), version, other.getMobile(), true, "丢失手机"),
                    CLIENT)));
    assertEquals(
        "support.concurrentEdit",
        refusal(
            () ->
                support.changeMobile(
                    new MobileChange(person.getId(), version + 1, number, true, "丢失手机"), CLIENT)));
    assertEquals(old, accounts.find(person.getLoginName()).orElseThrow().getMobile());

    Account changed =
        support.changeMobile(
            new MobileChange(person.getId(), version, number, true, "丢失手机，已查验身份证原件"), CLIENT);
    assertEquals(number, changed.getMobile());
    assertNotEquals(
        person.getCredentialsVersion(),
        accounts.credentialsVersion(person.getLoginName()).orElseThrow(),
        "the account's sessions ended");
    AuditEntry entry = latest(person.getLoginName(), "support.mobileChanged");
    assertEquals(SupportCallers.ADMIN, entry.getActor());
    assertTrue(
        entry
            .getDetails()
            .contains("mobile: " + MaskedIdentifier.of(old) + " -> " + MaskedIdentifier.of(number)),
        entry.getDetails());
    assertFalse(entry.getDetails().contains(old), "never the full number");
    assertFalse(entry.getDetails().contains(number), "never the full number");
    assertTrue(TestSms.lastTextTo(old).orElseThrow().contains(MaskedIdentifier.of(number)));
    assertTrue(TestSms.lastTextTo(number).orElseThrow().contains("已绑定"));
  }

  @Test
  void aTransferHandsTheOrganisationToItsVerifiedOwnerAndKeepsItsOrdersAndHistory() {
    Account before = organisation(SupportCallers.ORGANISATION, "冒名登记有限公司");
    as(SupportCallers.ORGANISATION);
    String order = new SubmittedOrders(applications, documents, CLIENT, invoices).awaitingPayment();
    as(SupportCallers.ADMIN);
    Account holder = accounts.find(SupportCallers.ORGANISATION).orElseThrow();
    ApplicantDetail detailBefore = support.detail(holder.getId());
    assertTrue(orderIds(detailBefore).contains(order));
    String claimantMobile = TestIdentities.mobile();
    String previousMobile = holder.getMobile();

    assertEquals(
        "support.identityNotChecked",
        refusal(() -> support.transfer(transfer(holder, claimantMobile, false), CLIENT)));
    ApplicantSupportService.Transferred done =
        support.transfer(transfer(holder, claimantMobile, true), CLIENT);

    Account after = done.account();
    assertEquals(SupportCallers.ORGANISATION, after.getLoginName());
    assertEquals("聊城真实登记有限公司", after.getDisplayName());
    assertEquals("赵真实", after.getLegalRepresentative());
    assertEquals(claimantMobile, after.getMobile());
    assertTrue(
        login.authenticate(after.getLoginName(), done.oneTimePassword(), CLIENT).isPresent());
    assertTrue(login.authenticate(after.getLoginName(), TestIdentities.PASSWORD, CLIENT).isEmpty());

    ApplicantDetail detailAfter = support.detail(after.getId());
    assertEquals(orderIds(detailBefore), orderIds(detailAfter), "the orders stay");
    assertEquals(detailBefore.certificates().size(), detailAfter.certificates().size());
    AccountTransfer record = detailAfter.transfers().get(0);
    assertEquals(previousMobile, record.getPreviousMobile());
    assertEquals(holder.getDisplayName(), record.getPreviousDisplayName());
    assertEquals("营业执照正本核验单 HZ-0093", record.getEvidence());
    assertEquals(SupportCallers.ADMIN, record.getTransferredBy());

    List<AuditEntry> trail = audit.forTarget(after.getLoginName());
    assertTrue(
        trail.stream().anyMatch(e -> e.getAction().equals("account.registered")),
        "the history stays");
    AuditEntry entry = latest(after.getLoginName(), "support.transferred");
    assertTrue(entry.getDetails().contains("营业执照正本核验单 HZ-0093"), entry.getDetails());
    assertFalse(entry.getDetails().contains(claimantMobile), "never the full number");
    assertFalse(entry.getDetails().contains(done.oneTimePassword()), "never the password");
    assertTrue(TestSms.lastTextTo(previousMobile).orElseThrow().contains("已移交"));
    assertTrue(TestSms.lastTextTo(claimantMobile).orElseThrow().contains("已移交贵机构"));
    assertTrue(before.getId().equals(after.getId()));
  }

  @Test
  void onlyAnOrganisationsAccountIsHandedOver() {
    Account person = person("自然人" + suffix());
    assertEquals(
        "support.transfer.organisationOnly",
        refusal(() -> support.transfer(transfer(person, TestIdentities.mobile(), true), CLIENT)));
  }

  @Test
  void otherStaffAndApplicantsAreRefusedApplicantSupport() {
    Account person = person("越权" + suffix());
    for (String caller :
        List.of(
            SupportCallers.REVIEWER,
            SupportCallers.OPERATOR,
            SupportCallers.FINANCE,
            SupportCallers.ORGANISATION)) {
      as(caller);
      assertThrows(
          EJBAccessException.class, () -> support.search(person.getMobile(), 0, 20), caller);
      assertThrows(EJBAccessException.class, () -> support.detail(person.getId()), caller);
      assertThrows(
          EJBAccessException.class, () -> support.unlock(person.getId(), "越权", CLIENT), caller);
      assertThrows(
          EJBAccessException.class,
          () ->
              support.changeMobile(
                  new MobileChange(
                      person.getId(), person.getVersion(), TestIdentities.mobile(), true, "越权"),
                  CLIENT),
          caller);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Account person(String name) {
    return accounts.registerPerson(
        TestIdentities.person(accounts, name, TestIdentities.residentId()), randomAddress());
  }

  /** The organisation with this credit code, registered now unless it exists. */
  private Account organisation(String creditCode, String name) {
    return accounts
        .find(creditCode)
        .orElseGet(
            () -> {
              String mobile = TestIdentities.mobile();
              return accounts.registerOrganisation(
                  new OrganisationRegistration(
                      name,
                      creditCode,
                      TestIdentities.DIVISION,
                      mobile,
                      "王登记",
                      TestIdentities.PASSWORD,
                      TestIdentities.PASSWORD,
                      TestSms.registrationCode(accounts, mobile)),
                  randomAddress());
            });
  }

  private static CreditCodeTransfer transfer(Account account, String mobile, boolean checked) {
    return new CreditCodeTransfer(
        account.getId(),
        account.getVersion(),
        "聊城真实登记有限公司",
        "赵真实",
        mobile,
        "营业执照正本核验单 HZ-0093",
        "真实机构持营业执照原件申诉，代码被他人注册",
        checked);
  }

  private static List<Long> ids(List<ApplicantRow> rows) {
    return rows.stream().map(ApplicantRow::id).toList();
  }

  private static List<String> orderIds(ApplicantDetail detail) {
    return detail.orders().stream().map(ApplicantOrder::publicId).toList();
  }

  private AuditEntry latest(String target, String action) {
    return audit.forTarget(target).stream()
        .filter(e -> e.getAction().equals(action))
        .findFirst()
        .orElseThrow();
  }

  /** Six characters of the heavenly stems: a name of its own for each test. */
  private static String suffix() {
    String stems = "甲乙丙丁戊己庚辛壬癸";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      out.append(stems.charAt(ThreadLocalRandom.current().nextInt(stems.length())));
    }
    return out.toString();
  }

  /** An address of its own, so that the failures of one test never throttle another's. */
  private static ClientInfo randomAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new ClientInfo("198.51." + r.nextInt(0, 256) + "." + r.nextInt(1, 255));
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
