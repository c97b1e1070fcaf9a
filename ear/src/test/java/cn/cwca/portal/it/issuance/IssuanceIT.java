package cn.cwca.portal.it.issuance;

import static cn.cwca.portal.it.TestCallers.CA;
import static cn.cwca.portal.it.TestCallers.OPERATOR;
import static cn.cwca.portal.it.TestCallers.ORGANISATION;
import static cn.cwca.portal.it.TestCallers.REVIEWER;
import static cn.cwca.portal.it.TestCallers.SECOND_REVIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.account.OrganisationRegistration;
import cn.cwca.portal.account.ProfileUpdate;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.MadeCertificate;
import cn.cwca.portal.issuance.ProofText;
import cn.cwca.portal.issuance.SelfServiceView;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestCallers;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestSms;
import cn.cwca.portal.it.application.SampleDocuments;
import cn.cwca.portal.review.ReviewService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 制证 through the real services, the CA and PostgreSQL, each step by the hands it is in: the
 * organisation applies and pays, reviewers approve, and the certificate is made by the organisation
 * with its own key (自助 变更, with the proof that the key holds the old certificate's) or by an
 * operator on a new key (邮寄, 自取). Keys and their requests are made in software here (the browser
 * journeys use SoftHSM2 through the key agent).
 */
@ExtendWith(ArquillianExtension.class)
class IssuanceIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.95");
  private static final String NAME = "聊城制证测试有限公司";
  private static final String ORIGIN = "https://ca.example.cn";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        IssuanceIT.class,
        TestCallers.class,
        cn.cwca.portal.it.SwitchingCallers.class,
        SampleDocuments.class,
        TestIdentities.class);
  }

  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB AccountService accounts;
  @EJB InvoiceService invoices;
  @EJB ReviewService reviews;
  @EJB IssuanceService issuance;
  @EJB CertificateService certificates;
  @EJB CertificateRegistry registry;
  @EJB Orders orders;
  @EJB OrderSteps steps;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject UserTransaction tx;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** The keys of the certificates made for the test, by their base64 DER: step 1 proves them. */
  private final java.util.Map<String, KeyPair> keysOfCertificates = new java.util.HashMap<>();

  /** The organisation exists under its name, with no draft and no orders or certificates left. */
  @BeforeEach
  void theOrganisationWithNothingBehindIt() throws Exception {
    if (accounts.find(ORGANISATION).isEmpty()) {
      String mobile = TestIdentities.mobile();
      accounts.registerOrganisation(
          new OrganisationRegistration(
              NAME,
              ORGANISATION,
              TestIdentities.DIVISION,
              mobile,
              "张法人",
              TestIdentities.PASSWORD,
              TestIdentities.PASSWORD,
              TestSms.registrationCode(accounts, mobile)),
          CLIENT);
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    handEverythingToSomeoneElse();
  }

  @Test
  void noApplicantOrStaffMemberAsksTheCaDirectly() {
    assertThrows(
        EJBAccessException.class,
        () -> certificates.issue(ORGANISATION, csr(p256()), 1, CLIENT),
        "an applicant");
    as(OPERATOR);
    assertThrows(
        EJBAccessException.class,
        () -> certificates.issue(ORGANISATION, csr(p256()), 1, CLIENT),
        "an operator");
  }

  @Test
  void theOfficeMakesTheKeyOfACourierOrderOnceAndWritesTheSameCertificateAgain() throws Exception {
    String id = paidAndApproved(newKeyOrder());

    as(OPERATOR);
    assertTrue(issuance.officeQueue().stream().anyMatch(o -> o.publicId().equals(id)));
    String pin = issuance.sendUserPin(id, CLIENT);
    assertTrue(pin.matches("\\d{8}"), "an eight-digit user PIN");
    assertTrue(outboxHas(pin), "the PIN goes to the applicant by SMS");
    assertTrue(
        strings(
                "select details from audit_entry where action = 'issuance.pinSent'"
                    + " and target = 'application:"
                    + id
                    + "'")
            .stream()
            .noneMatch(d -> d != null && d.contains(pin)),
        "the audit never holds the PIN");
    KeyPair key = p256();
    MadeCertificate made = issuance.makeAtOffice(id, base64(csr(key)), "SOFTHSM-1234", CLIENT);
    MadeCertificate again = issuance.makeAtOffice(id, base64(csr(p256())), "SOFTHSM-5678", CLIENT);

    assertEquals(made.serialHex(), again.serialHex(), "one certificate for one order");
    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(key.getPublic(), certificate.getPublicKey());
    assertTrue(certificate.getSubjectX500Principal().getName().contains(NAME));
    assertTrue(!made.chainBase64().isEmpty(), "the chain comes with it");
    as(ORGANISATION);
    var order = applications.findMine(id).orElseThrow();
    assertEquals(OrderStatus.CERTIFICATE_MADE, order.getStatus());
    assertEquals("SOFTHSM-1234", order.getKeySerial());
    assertEquals(made.serialHex(), order.getIssuedSerialHex());
    assertEquals(
        ORGANISATION, registry.findBySerial(made.serialHex()).orElseThrow().getOwnerLoginName());
  }

  @Test
  void nothingIsMadeForAnOrderThatIsNotApprovedOrForSomeoneElse() throws Exception {
    String unpaid = newKeyOrder();
    as(OPERATOR);
    BusinessException notApproved =
        assertThrows(
            BusinessException.class,
            () -> issuance.makeAtOffice(unpaid, base64(csr(p256())), null, CLIENT));
    assertEquals("order.stepRefused", notApproved.messageKey());
    as(ORGANISATION);
    BusinessException notSelfService =
        assertThrows(BusinessException.class, () -> issuance.selfService(unpaid));
    assertEquals("issuance.notSelfService", notSelfService.messageKey());
    assertThrows(EJBAccessException.class, () -> issuance.makeAtOffice(unpaid, "", null, CLIENT));
    handOver(unpaid, TestIdentities.residentId());
    BusinessException foreign =
        assertThrows(
            BusinessException.class,
            () -> issuance.makeSelfService(unpaid, base64(csr(p256())), null, ORIGIN, CLIENT));
    assertEquals("application.notFound", foreign.messageKey());
  }

  @Test
  void aChangeOfSubjectIsMadeOnTheApplicantsKeyOnlyWithProofOfTheOldKey() throws Exception {
    KeyPair oldKey = p256();
    CertificateRecord old = certificateOf(oldKey);
    changeTheLegalRepresentative();
    String id = selfServiceChange(old);
    approveTwice(id);

    as(ORGANISATION);
    SelfServiceView view = issuance.selfService(id);
    assertEquals(old.getSerialHex(), view.proofSerialHex());
    assertNotNull(view.nonce());
    KeyPair newKey = p256();
    BusinessException noProof =
        assertThrows(
            BusinessException.class,
            () -> issuance.makeSelfService(id, base64(csr(newKey)), null, ORIGIN, CLIENT));
    assertEquals("issuance.proofRequired", noProof.messageKey());
    BusinessException otherKey =
        assertThrows(
            BusinessException.class,
            () ->
                issuance.makeSelfService(
                    id, base64(csr(newKey)), proof(p256(), view.nonce()), ORIGIN, CLIENT));
    assertEquals("issuance.proofInvalid", otherKey.messageKey());
    BusinessException otherSite =
        assertThrows(
            BusinessException.class,
            () ->
                issuance.makeSelfService(
                    id,
                    base64(csr(newKey)),
                    proof(oldKey, view.nonce()),
                    "https://evil.example",
                    CLIENT));
    assertEquals("issuance.proofInvalid", otherSite.messageKey());

    String nonce = issuance.selfService(id).nonce();
    MadeCertificate made =
        issuance.makeSelfService(id, base64(csr(newKey)), proof(oldKey, nonce), ORIGIN, CLIENT);
    MadeCertificate again =
        issuance.makeSelfService(id, base64(csr(p256())), proof(oldKey, nonce), ORIGIN, CLIENT);
    assertEquals(made.serialHex(), again.serialHex(), "制证 again writes the same certificate");
    assertEquals(made.serialHex(), issuance.selfService(id).made().serialHex());
    assertEquals(
        1,
        strings(
                "select serial_hex from issued_certificate where owner_login_name = '"
                    + ORGANISATION
                    + "' and serial_hex <> '"
                    + old.getSerialHex()
                    + "'")
            .size(),
        "one certificate for the order");

    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(newKey.getPublic(), certificate.getPublicKey());
    assertEquals(
        old.getNotAfter().truncatedTo(ChronoUnit.SECONDS),
        certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime(),
        "a change keeps the old certificate's validity");
    assertEquals(
        CertificateStatus.VALID,
        registry.findBySerial(old.getSerialHex()).orElseThrow().getStatus(),
        "the old certificate stays valid until the new one is on the key");

    issuance.confirmOnKey(id, CLIENT);

    assertEquals(OrderStatus.COMPLETED, applications.findMine(id).orElseThrow().getStatus());
    CertificateRecord revoked = registry.findBySerial(old.getSerialHex()).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, revoked.getStatus());
    assertEquals("AFFILIATION_CHANGED", revoked.getRevocationReason());
    assertEquals(
        CertificateStatus.VALID, registry.findBySerial(made.serialHex()).orElseThrow().getStatus());
  }

  @Test
  void aRenewalSupersedesTheOldCertificateOnceTheNewOneIsOnTheKey() throws Exception {
    KeyPair oldKey = p256();
    CertificateRecord old = expiringCertificateOf(oldKey);
    String id =
        submitted(
            new CertificateInformation(
                ServiceType.RENEW,
                1,
                null,
                null,
                null,
                Base64.getEncoder().encodeToString(old.getDer()),
                agent(),
                true),
            PickupDetails.selfService());
    paidAndApproved(id);

    as(ORGANISATION);
    String nonce = issuance.selfService(id).nonce();
    MadeCertificate made =
        issuance.makeSelfService(id, base64(csr(p256())), proof(oldKey, nonce), ORIGIN, CLIENT);
    issuance.confirmOnKey(id, CLIENT);

    CertificateRecord superseded = registry.findBySerial(old.getSerialHex()).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, superseded.getStatus());
    assertEquals("SUPERSEDED", superseded.getRevocationReason());
    assertTrue(
        x509(made.certificateBase64())
            .getNotAfter()
            .toInstant()
            .isAfter(java.time.Instant.now().plus(360, ChronoUnit.DAYS)),
        "a renewal runs for the order's years from now");
  }

  @Test
  void aLostKeysCertificateIsRevokedWhenTheReplacementIsApproved() throws Exception {
    CertificateRecord lost = certificateOf(p256());
    String id = lostKeyOrder(lost);

    paidAndApproved(id);

    CertificateRecord revoked = registry.findBySerial(lost.getSerialHex()).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, revoked.getStatus());
    assertEquals("KEY_COMPROMISE", revoked.getRevocationReason());
    as(OPERATOR);
    MadeCertificate made = issuance.makeAtOffice(id, base64(csr(p256())), "KEY-9", CLIENT);
    assertEquals(
        lost.getNotAfter().truncatedTo(ChronoUnit.SECONDS),
        x509(made.certificateBase64())
            .getNotAfter()
            .toInstant()
            .atOffset(ZoneOffset.UTC)
            .toLocalDateTime(),
        "the replacement keeps the lost certificate's validity");
    as(ORGANISATION);
    assertEquals(OrderStatus.CERTIFICATE_MADE, applications.findMine(id).orElseThrow().getStatus());
  }

  // --- the order's way to approval -----------------------------------------------------------

  private String newKeyOrder() {
    return submitted(
        new CertificateInformation(
            ServiceType.NEW_OR_REPLACE, 1, false, true, null, null, agent(), true),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null));
  }

  private String selfServiceChange(CertificateRecord old) {
    return submitted(
        new CertificateInformation(
            ServiceType.CHANGE,
            null,
            null,
            null,
            null,
            Base64.getEncoder().encodeToString(old.getDer()),
            agent(),
            true),
        PickupDetails.selfService());
  }

  private String lostKeyOrder(CertificateRecord lost) {
    return submitted(
        new CertificateInformation(
            ServiceType.LOST, null, null, null, lost.getSerialHex(), null, agent(), true),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", null));
  }

  private String submitted(CertificateInformation info, PickupDetails pickup) {
    as(ORGANISATION);
    KeyPair key =
        info.keyCertificateDerBase64() == null
            ? null
            : keysOfCertificates.get(info.keyCertificateDerBase64());
    KeyProof keyProof;
    try {
      keyProof = key == null ? null : proof(key, applications.keyChallenge());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String id =
        applications
            .saveCertificateInformation(DraftRef.NONE, info, keyProof, ORIGIN, CLIENT)
            .getPublicId();
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), pickup, CLIENT);
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.required()) {
        documents.upload(
            id,
            slot.type(),
            DocumentUpload.of(slot.type().name() + ".pdf", SampleDocuments.PDF),
            CLIENT);
      }
    }
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    applications.submit(shown(id), token, CLIENT);
    InvoiceBuyerState prefill = invoices.buyer(id).orElseThrow();
    invoices.saveBuyer(id, prefill.version(), prefill.buyer(), CLIENT);
    return id;
  }

  /** Paid (as a provider's notification would), then approved by a reviewer. */
  private String paidAndApproved(String id) throws Exception {
    pay(id);
    as(REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);
    as(ORGANISATION);
    assertEquals(OrderStatus.APPROVED, applications.findMine(id).orElseThrow().getStatus());
    return id;
  }

  /** Paid, then approved by two reviewers (a change of subject asks for two). */
  private void approveTwice(String id) throws Exception {
    pay(id);
    as(REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);
    as(SECOND_REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);
    as(ORGANISATION);
    assertEquals(OrderStatus.APPROVED, applications.findMine(id).orElseThrow().getStatus());
  }

  private void pay(String id) throws Exception {
    tx.begin();
    try {
      steps.take(
          orders.lockSubmitted(id).orElseThrow(),
          OrderEvent.PAY,
          "system",
          ClientInfo.system(),
          "test");
      tx.commit();
    } catch (Exception e) {
      tx.rollback();
      throw e;
    }
  }

  // --- keys and certificates -------------------------------------------------------------------

  /** A certificate of this CA for the organisation, as 制证 made it before. */
  private CertificateRecord certificateOf(KeyPair key) throws Exception {
    as(CA);
    CertificateRecord record = certificates.issue(ORGANISATION, csr(key), 1, CLIENT);
    as(ORGANISATION);
    keysOfCertificates.put(base64(record.getDer()), key);
    return record;
  }

  /**
   * A certificate of this CA for the organisation that ends in 30 days (inside the renewal window).
   */
  private CertificateRecord expiringCertificateOf(KeyPair key) throws Exception {
    as(CA);
    CertificateRecord record =
        certificates.issueForOrder(
            new cn.cwca.portal.certificate.OrderIssuance(
                ORGANISATION,
                true,
                cn.cwca.portal.certificate.ApprovedSubject.of(
                    accounts.find(ORGANISATION).orElseThrow()),
                csr(key),
                1,
                java.time.LocalDateTime.now(ZoneOffset.UTC).plusDays(30)),
            CA,
            CLIENT);
    as(ORGANISATION);
    keysOfCertificates.put(base64(record.getDer()), key);
    return record;
  }

  /** 个人中心: a new 法定代表人, which is a change of the subject's data (变更). */
  private void changeTheLegalRepresentative() {
    Account me = accounts.find(ORGANISATION).orElseThrow();
    String next = me.getLegalRepresentative().equals("李新法人") ? "王新法人" : "李新法人";
    accounts.updateProfile(
        ProfileUpdate.of(me), new ProfileUpdate(me.getDisplayName(), me.getMobile(), next), CLIENT);
  }

  private static KeyProof proof(KeyPair key, String nonce) throws Exception {
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key.getPrivate());
    signer.update(ProofText.of(ORIGIN, nonce));
    return new KeyProof(
        nonce, "SHA256withECDSA", Base64.getEncoder().encodeToString(signer.sign()));
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static byte[] csr(KeyPair key) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(
            new X500Principal("CN=request"), key.getPublic())
        .build(
            new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                .build(key.getPrivate()))
        .getEncoded();
  }

  private static String base64(byte[] der) {
    return Base64.getEncoder().encodeToString(der);
  }

  private static X509Certificate x509(String base64) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  private static AgentDetails agent() {
    return new AgentDetails(
        "测试经办人", TestIdentities.mobile(), IdType.RESIDENT_ID, TestIdentities.residentId());
  }

  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }

  private void as(String caller) {
    assertEquals(
        jakarta.security.enterprise.AuthenticationStatus.SUCCESS,
        TestCallers.switchTo(security, request, caller),
        "switched to " + caller);
  }

  // --- data -------------------------------------------------------------------------------------

  private boolean outboxHas(String text) throws SQLException {
    return !strings("select text from sms_outbox where text like '%" + text + "%'").isEmpty();
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      List<String> values = new java.util.ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  /** Earlier orders and certificates go to someone else: the free first key and 变更 start afresh. */
  private void handEverythingToSomeoneElse() throws SQLException {
    String archive = TestIdentities.creditCode();
    try (Connection c = database.getConnection();
        PreparedStatement orders =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ?"
                    + " where owner_login_name = ? and status <> 'DRAFT'");
        PreparedStatement certificates =
            c.prepareStatement(
                "update issued_certificate set owner_login_name = ? where owner_login_name = ?")) {
      for (PreparedStatement update : List.of(orders, certificates)) {
        update.setString(1, archive);
        update.setString(2, ORGANISATION);
        update.executeUpdate();
      }
    }
  }

  private void handOver(String publicId, String newOwner) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ? where public_id = ?")) {
      p.setString(1, newOwner);
      p.setString(2, publicId);
      assertEquals(1, p.executeUpdate());
    }
  }
}
