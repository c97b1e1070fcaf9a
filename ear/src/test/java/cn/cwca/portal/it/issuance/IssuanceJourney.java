package cn.cwca.portal.it.issuance;

import static cn.cwca.portal.it.TestCallers.CA;
import static cn.cwca.portal.it.TestCallers.OPERATOR;
import static cn.cwca.portal.it.TestCallers.ORGANISATION;
import static cn.cwca.portal.it.TestCallers.REVIEWER;
import static cn.cwca.portal.it.TestCallers.SECOND_REVIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.certificate.ApprovedSubject;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.certificate.OrderIssuance;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.it.TestCallers;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestSms;
import cn.cwca.portal.it.application.SubmittedOrders;
import cn.cwca.portal.review.ReviewService;
import cn.cwca.portal.shipping.ShippedOrder;
import cn.cwca.portal.shipping.ShippingService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The way of an order of the organisation {@link TestCallers#ORGANISATION} through the real
 * services, each step by the hands it is in: the organisation applies through the wizard and pays
 * (as a provider's notification would), reviewers approve, an operator ships the key and the
 * organisation signs for it (签收); the certificates of this CA the order is about, made before it;
 * and what the issuance tests check afterwards: the new certificate's validity, and the old one's
 * revocation in the registry, in OCSP answers and on the CRL.
 */
@Dependent
class IssuanceJourney {

  static final ClientInfo CLIENT = new ClientInfo("203.0.113.95");
  static final String NAME = "聊城制证测试有限公司";
  static final String ORIGIN = "https://ca.example.cn";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The keys of the certificates made for the test, by their base64 DER: step 1 proves them. */
  private final java.util.Map<String, KeyPair> keysOfCertificates = new java.util.HashMap<>();

  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB AccountService accounts;
  @EJB InvoiceService invoices;
  @EJB ReviewService reviews;
  @EJB CertificateService certificates;
  @EJB CertificateRegistry registry;
  @EJB ShippingService shipping;
  @EJB Orders orders;
  @EJB OrderSteps steps;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject UserTransaction tx;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /**
   * The organisation exists under its name {@link #NAME}, with no draft and no orders or
   * certificates left.
   */
  void organisationWithNothingBehindIt() throws SQLException {
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
    Account me = accounts.find(ORGANISATION).orElseThrow();
    if (!me.getDisplayName().equals(NAME)) {
      accounts.updateProfile(
          ProfileUpdate.of(me),
          new ProfileUpdate(NAME, me.getMobile(), me.getLegalRepresentative()),
          CLIENT);
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    handEverythingToSomeoneElse();
  }

  // --- the order's way to approval -----------------------------------------------------------

  /** Applied through the wizard (the required documents uploaded) and submitted: its 申请ID. */
  String submitted(CertificateInformation info, PickupDetails pickup) {
    as(ORGANISATION);
    KeyPair key =
        info.keyCertificateDerBase64() == null
            ? null
            : keysOfCertificates.get(info.keyCertificateDerBase64());
    KeyProof keyProof;
    try {
      keyProof = key == null ? null : TokenKeys.proof(key, ORIGIN, applications.keyChallenge());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String id =
        applications
            .saveCertificateInformation(DraftRef.NONE, info, keyProof, ORIGIN, CLIENT)
            .getPublicId();
    new SubmittedOrders(applications, documents, CLIENT, invoices).submit(id, pickup);
    InvoiceBuyerState prefill = invoices.buyer(id).orElseThrow();
    invoices.saveBuyer(id, prefill.version(), prefill.buyer(), CLIENT);
    return id;
  }

  /** Paid (as a provider's notification would), then approved by a reviewer. */
  String paidAndApproved(String id) throws Exception {
    pay(id);
    as(REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);
    as(ORGANISATION);
    assertEquals(OrderStatus.APPROVED, status(id));
    return id;
  }

  /** Paid, then approved by two reviewers (a change of subject asks for two). */
  void approveTwice(String id) throws Exception {
    pay(id);
    as(REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);
    as(SECOND_REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);
    as(ORGANISATION);
    assertEquals(OrderStatus.APPROVED, status(id));
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

  /** The order's status, whoever asks. */
  OrderStatus status(String id) {
    return orders.submitted(id).orElseThrow().getStatus();
  }

  static AgentDetails agent() {
    return new AgentDetails(
        "测试经办人", TestIdentities.mobile(), IdType.RESIDENT_ID, TestIdentities.residentId());
  }

  // --- delivery --------------------------------------------------------------------------------

  /**
   * 邮寄 to 已完成: an operator records the 顺丰 waybill the made key left with (已发货), and the
   * organisation signs for it in 进度查询 (签收).
   *
   * @return the waybill
   */
  String deliveredByCourier(String id) {
    as(OPERATOR);
    String waybill = "SF" + digits(13);
    ShippedOrder shipped = shipping.ship(id, waybill, CLIENT);
    assertEquals(waybill, shipped.waybillNumber());
    assertEquals(OrderStatus.SHIPPED, status(id));
    as(ORGANISATION);
    shipping.sign(id, CLIENT);
    assertEquals(OrderStatus.COMPLETED, status(id));
    return waybill;
  }

  private static String digits(int count) {
    StringBuilder number = new StringBuilder();
    for (int i = 0; i < count; i++) {
      number.append(RANDOM.nextInt(10));
    }
    return number.toString();
  }

  // --- certificates before the order, and 个人中心 -------------------------------------------

  /**
   * A certificate of this CA for the organisation, as 制证 made it before, for this key (which step 1
   * of a later order proves it holds).
   */
  CertificateRecord certificateOf(KeyPair key) throws Exception {
    as(CA);
    CertificateRecord record = certificates.issue(ORGANISATION, TokenKeys.csr(key), 1, CLIENT);
    as(ORGANISATION);
    keysOfCertificates.put(base64(record.getDer()), key);
    return record;
  }

  /**
   * A certificate of this CA for the organisation that ends in 30 days (inside the renewal window),
   * for this key.
   */
  CertificateRecord expiringCertificateOf(KeyPair key) throws Exception {
    as(CA);
    CertificateRecord record =
        certificates.issueForOrder(
            new OrderIssuance(
                ORGANISATION,
                true,
                ApprovedSubject.of(accounts.find(ORGANISATION).orElseThrow()),
                TokenKeys.csr(key),
                1,
                LocalDateTime.now(ZoneOffset.UTC).plusDays(30)),
            CA,
            CLIENT);
    as(ORGANISATION);
    keysOfCertificates.put(base64(record.getDer()), key);
    return record;
  }

  /** 个人中心: a new 法定代表人, which is a change of the subject's data (变更). */
  void changeTheLegalRepresentative() {
    Account me = accounts.find(ORGANISATION).orElseThrow();
    String next = me.getLegalRepresentative().equals("李新法人") ? "王新法人" : "李新法人";
    accounts.updateProfile(
        ProfileUpdate.of(me), new ProfileUpdate(me.getDisplayName(), me.getMobile(), next), CLIENT);
  }

  /**
   * 个人中心: a new 机构名称, a change of the subject's data that the certificate names (CN and O); {@link
   * #organisationWithNothingBehindIt} gives the organisation its name back.
   */
  void renameTheOrganisation(String name) {
    Account me = accounts.find(ORGANISATION).orElseThrow();
    accounts.updateProfile(
        ProfileUpdate.of(me),
        new ProfileUpdate(name, me.getMobile(), me.getLegalRepresentative()),
        CLIENT);
  }

  // --- what 制证 made, and what became of the old certificate ----------------------------------

  /**
   * The certificate runs for the years from when it was made, between {@code before} and {@code
   * after}: from then to then plus the years, less a second (the CA's validity is inclusive).
   */
  static void assertRunsForYearsFrom(
      X509Certificate certificate, int years, Instant before, Instant after) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    assertTrue(
        !notBefore.isBefore(before.truncatedTo(ChronoUnit.SECONDS)) && !notBefore.isAfter(after),
        "made between " + before + " and " + after + ": " + notBefore);
    assertEquals(
        notBefore.atOffset(ZoneOffset.UTC).plusYears(years).minusSeconds(1).toInstant(),
        certificate.getNotAfter().toInstant(),
        years + " years from when it was made");
  }

  /**
   * The certificate is revoked for this reason in the registry, an OCSP answer says so, and the
   * issuing CA's current CRL lists it with the reason.
   */
  void assertRevokedEverywhere(String serialHex, RevocationReason reason) throws Exception {
    CertificateRecord record = registry.findBySerial(serialHex).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, record.getStatus(), "the registry");
    assertEquals(reason.name(), record.getRevocationReason(), "the registry's reason");

    RevokedStatus revoked =
        assertInstanceOf(RevokedStatus.class, ocspStatus(serialHex), "OCSP answers revoked");
    assertTrue(revoked.hasRevocationReason(), "OCSP gives the reason");
    assertEquals(reason.code(), revoked.getRevocationReason(), "OCSP's reason");

    X509CRLEntry entry = currentCrl().getRevokedCertificate(new BigInteger(serialHex, 16));
    assertNotNull(entry, "the CRL lists it");
    assertEquals(reason.name(), entry.getRevocationReason().name(), "the CRL's reason");
  }

  /** The certificate is valid in the registry, OCSP answers good, and the CRL does not list it. */
  void assertValidEverywhere(String serialHex) throws Exception {
    assertEquals(
        CertificateStatus.VALID,
        registry.findBySerial(serialHex).orElseThrow().getStatus(),
        "the registry");
    assertNull(ocspStatus(serialHex), "OCSP answers good (null in Bouncy Castle)");
    assertNull(currentCrl().getRevokedCertificate(new BigInteger(serialHex, 16)), "not on the CRL");
  }

  /** The status an OCSP answer of the portal's responder gives for the certificate. */
  private Object ocspStatus(String serialHex) throws Exception {
    byte[] issuingDer = certificates.caCertificates().get(0);
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new X509CertificateHolder(issuingDer),
            new BigInteger(serialHex, 16));
    OCSPResp response =
        new OCSPResp(
            certificates.answerOcsp(new OCSPReqBuilder().addRequest(id).build().getEncoded()));
    assertEquals(OCSPResp.SUCCESSFUL, response.getStatus(), "the OCSP answer's status");
    SingleResp single = ((BasicOCSPResp) response.getResponseObject()).getResponses()[0];
    assertEquals(new BigInteger(serialHex, 16), single.getCertID().getSerialNumber());
    return single.getCertStatus();
  }

  /** The issuing CA's current CRL, its signature checked. */
  private X509CRL currentCrl() throws Exception {
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(certificates.currentCrl()));
    crl.verify(x509(base64(certificates.caCertificates().get(0))).getPublicKey());
    return crl;
  }

  /** The value of the certificate's subject attribute (CN, O, ...). */
  static String subjectAttribute(X509Certificate certificate, ASN1ObjectIdentifier type)
      throws Exception {
    RDN[] rdns =
        X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
    assertEquals(1, rdns.length, "one " + type + " in " + certificate.getSubjectX500Principal());
    return ((ASN1String) rdns[0].getFirst().getValue()).getString();
  }

  static String base64(byte[] der) {
    return Base64.getEncoder().encodeToString(der);
  }

  static X509Certificate x509(String base64) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  /** Makes {@code caller} the caller of the rest of this test. */
  void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        TestCallers.switchTo(security, request, caller),
        "switched to " + caller);
  }

  // --- data -------------------------------------------------------------------------------------

  List<String> strings(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      List<String> values = new ArrayList<>();
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
        PreparedStatement ordersUpdate =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ?"
                    + " where owner_login_name = ? and status <> 'DRAFT'");
        PreparedStatement certificatesUpdate =
            c.prepareStatement(
                "update issued_certificate set owner_login_name = ? where owner_login_name = ?")) {
      for (PreparedStatement update : List.of(ordersUpdate, certificatesUpdate)) {
        update.setString(1, archive);
        update.setString(2, ORGANISATION);
        update.executeUpdate();
      }
    }
  }

  /** The order belongs to someone else now. */
  void handOver(String publicId, String newOwner) throws SQLException {
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
