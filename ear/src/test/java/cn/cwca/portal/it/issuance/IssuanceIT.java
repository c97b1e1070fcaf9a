package cn.cwca.portal.it.issuance;

import static cn.cwca.portal.it.TestCallers.OPERATOR;
import static cn.cwca.portal.it.TestCallers.ORGANISATION;
import static cn.cwca.portal.it.issuance.IssuanceJourney.CLIENT;
import static cn.cwca.portal.it.issuance.IssuanceJourney.NAME;
import static cn.cwca.portal.it.issuance.IssuanceJourney.ORIGIN;
import static cn.cwca.portal.it.issuance.IssuanceJourney.agent;
import static cn.cwca.portal.it.issuance.IssuanceJourney.base64;
import static cn.cwca.portal.it.issuance.IssuanceJourney.x509;
import static cn.cwca.portal.it.issuance.TokenKeys.csr;
import static cn.cwca.portal.it.issuance.TokenKeys.csrBase64;
import static cn.cwca.portal.it.issuance.TokenKeys.p256;
import static cn.cwca.portal.it.issuance.TokenKeys.proof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.issuance.MadeCertificate;
import cn.cwca.portal.issuance.SelfServiceView;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestCallers;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.application.SampleDocuments;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 制证 through the real services, the CA and PostgreSQL, each step by the hands it is in: the
 * organisation applies and pays, reviewers approve, and the certificate is made by the organisation
 * with its own key (自助 更新 and 变更, with the proof that the key holds the old certificate's) or by an
 * operator on a new key (邮寄, 自取). Key pairs are made and requests and proofs signed on a SoftHSM2
 * token ({@link TokenKeys}), as on a USB key. The combined service types are in {@link
 * CombinedServiceTypesIT}.
 */
@ExtendWith(ArquillianExtension.class)
class IssuanceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        IssuanceIT.class,
        IssuanceJourney.class,
        TokenKeys.class,
        cn.cwca.portal.devserver.CaHsmTokens.class,
        TestCallers.class,
        cn.cwca.portal.it.SwitchingCallers.class,
        SampleDocuments.class,
        cn.cwca.portal.it.application.SubmittedOrders.class,
        TestIdentities.class);
  }

  @EJB ApplicationService applications;
  @EJB IssuanceService issuance;
  @EJB CertificateService certificates;
  @EJB CertificateRegistry registry;

  @Inject IssuanceJourney journey;

  /** The organisation exists under its name, with no draft and no orders or certificates left. */
  @BeforeEach
  void theOrganisationWithNothingBehindIt() throws Exception {
    journey.organisationWithNothingBehindIt();
  }

  @Test
  void noApplicantOrStaffMemberAsksTheCaDirectly() throws Exception {
    byte[] request = csr(p256());
    assertThrows(
        EJBAccessException.class,
        () -> certificates.issue(ORGANISATION, request, 1, CLIENT),
        "an applicant");
    journey.as(OPERATOR);
    assertThrows(
        EJBAccessException.class,
        () -> certificates.issue(ORGANISATION, request, 1, CLIENT),
        "an operator");
  }

  @Test
  void theOfficeMakesTheKeyOfACourierOrderOnceAndWritesTheSameCertificateAgain() throws Exception {
    String id = journey.paidAndApproved(newKeyOrder());

    journey.as(OPERATOR);
    assertTrue(issuance.officeQueue().stream().anyMatch(o -> o.publicId().equals(id)));
    String pin = issuance.sendUserPin(id, CLIENT);
    assertTrue(pin.matches("\\d{8}"), "an eight-digit user PIN");
    assertTrue(outboxHas(pin), "the PIN goes to the applicant by SMS");
    assertTrue(
        journey
            .strings(
                "select details from audit_entry where action = 'issuance.pinSent'"
                    + " and target = 'application:"
                    + id
                    + "'")
            .stream()
            .noneMatch(d -> d != null && d.contains(pin)),
        "the audit never holds the PIN");
    KeyPair key = p256();
    MadeCertificate made = issuance.makeAtOffice(id, csrBase64(key), "SOFTHSM-1234", CLIENT);
    MadeCertificate again = issuance.makeAtOffice(id, csrBase64(p256()), "SOFTHSM-5678", CLIENT);

    assertEquals(made.serialHex(), again.serialHex(), "one certificate for one order");
    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(key.getPublic(), certificate.getPublicKey());
    assertTrue(certificate.getSubjectX500Principal().getName().contains(NAME));
    assertTrue(!made.chainBase64().isEmpty(), "the chain comes with it");
    journey.as(ORGANISATION);
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
    String request = csrBase64(p256());
    journey.as(OPERATOR);
    BusinessException notApproved =
        assertThrows(
            BusinessException.class, () -> issuance.makeAtOffice(unpaid, request, null, CLIENT));
    assertEquals("order.stepRefused", notApproved.messageKey());
    journey.as(ORGANISATION);
    BusinessException notSelfService =
        assertThrows(BusinessException.class, () -> issuance.selfService(unpaid));
    assertEquals("issuance.notSelfService", notSelfService.messageKey());
    assertThrows(EJBAccessException.class, () -> issuance.makeAtOffice(unpaid, "", null, CLIENT));
    journey.handOver(unpaid, TestIdentities.residentId());
    BusinessException foreign =
        assertThrows(
            BusinessException.class,
            () -> issuance.makeSelfService(unpaid, request, null, ORIGIN, CLIENT));
    assertEquals("application.notFound", foreign.messageKey());
  }

  @Test
  void aChangeOfSubjectIsMadeOnTheApplicantsKeyOnlyWithProofOfTheOldKey() throws Exception {
    KeyPair oldKey = p256();
    CertificateRecord old = journey.certificateOf(oldKey);
    journey.changeTheLegalRepresentative();
    String id = selfServiceChange(old);
    journey.approveTwice(id);

    journey.as(ORGANISATION);
    SelfServiceView view = issuance.selfService(id);
    assertEquals(old.getSerialHex(), view.proofSerialHex());
    assertNotNull(view.nonce());
    KeyPair newKey = p256();
    String request = csrBase64(newKey);
    BusinessException noProof =
        assertThrows(
            BusinessException.class,
            () -> issuance.makeSelfService(id, request, null, ORIGIN, CLIENT));
    assertEquals("issuance.proofRequired", noProof.messageKey());
    var otherKeysProof = proof(p256(), ORIGIN, view.nonce());
    BusinessException otherKey =
        assertThrows(
            BusinessException.class,
            () -> issuance.makeSelfService(id, request, otherKeysProof, ORIGIN, CLIENT));
    assertEquals("issuance.proofInvalid", otherKey.messageKey());
    var proofForThisSite = proof(oldKey, ORIGIN, view.nonce());
    BusinessException otherSite =
        assertThrows(
            BusinessException.class,
            () ->
                issuance.makeSelfService(
                    id, request, proofForThisSite, "https://evil.example", CLIENT));
    assertEquals("issuance.proofInvalid", otherSite.messageKey());

    String nonce = issuance.selfService(id).nonce();
    MadeCertificate made =
        issuance.makeSelfService(id, request, proof(oldKey, ORIGIN, nonce), ORIGIN, CLIENT);
    MadeCertificate again =
        issuance.makeSelfService(
            id, csrBase64(p256()), proof(oldKey, ORIGIN, nonce), ORIGIN, CLIENT);
    assertEquals(made.serialHex(), again.serialHex(), "制证 again writes the same certificate");
    assertEquals(made.serialHex(), issuance.selfService(id).made().serialHex());
    assertEquals(
        1,
        journey
            .strings(
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
    journey.assertRevokedEverywhere(old.getSerialHex(), RevocationReason.AFFILIATION_CHANGED);
    journey.assertValidEverywhere(made.serialHex());
  }

  @Test
  void aRenewalSupersedesTheOldCertificateOnceTheNewOneIsOnTheKey() throws Exception {
    KeyPair oldKey = p256();
    CertificateRecord old = journey.expiringCertificateOf(oldKey);
    String id =
        journey.submitted(
            new CertificateInformation(
                ServiceType.RENEW, 1, null, null, null, base64(old.getDer()), agent(), true),
            PickupDetails.selfService());
    journey.paidAndApproved(id);

    journey.as(ORGANISATION);
    String nonce = issuance.selfService(id).nonce();
    KeyPair newKey = p256();
    Instant before = Instant.now();
    MadeCertificate made =
        issuance.makeSelfService(
            id, csrBase64(newKey), proof(oldKey, ORIGIN, nonce), ORIGIN, CLIENT);
    Instant after = Instant.now();
    issuance.confirmOnKey(id, CLIENT);

    assertEquals(OrderStatus.COMPLETED, applications.findMine(id).orElseThrow().getStatus());
    CertificateRecord superseded = registry.findBySerial(old.getSerialHex()).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, superseded.getStatus());
    assertEquals("SUPERSEDED", superseded.getRevocationReason());
    journey.assertRevokedEverywhere(old.getSerialHex(), RevocationReason.SUPERSEDED);
    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(newKey.getPublic(), certificate.getPublicKey());
    assertTrue(
        certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(360, ChronoUnit.DAYS)),
        "a renewal runs for the order's years from now");
    IssuanceJourney.assertRunsForYearsFrom(certificate, 1, before, after);
    journey.assertValidEverywhere(made.serialHex());
  }

  @Test
  void aLostKeysCertificateIsRevokedWhenTheReplacementIsApprovedAndTheReplacementIsDelivered()
      throws Exception {
    CertificateRecord lost = journey.certificateOf(p256());
    String id = lostKeyOrder(lost);

    journey.paidAndApproved(id);

    CertificateRecord revoked = registry.findBySerial(lost.getSerialHex()).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, revoked.getStatus());
    assertEquals("KEY_COMPROMISE", revoked.getRevocationReason());
    journey.assertRevokedEverywhere(lost.getSerialHex(), RevocationReason.KEY_COMPROMISE);
    journey.as(OPERATOR);
    KeyPair key = p256();
    MadeCertificate made = issuance.makeAtOffice(id, csrBase64(key), "KEY-9", CLIENT);
    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(key.getPublic(), certificate.getPublicKey());
    assertEquals(
        lost.getNotAfter().truncatedTo(ChronoUnit.SECONDS),
        certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime(),
        "the replacement keeps the lost certificate's validity");
    journey.as(ORGANISATION);
    assertEquals(OrderStatus.CERTIFICATE_MADE, applications.findMine(id).orElseThrow().getStatus());

    journey.deliveredByCourier(id);

    journey.assertValidEverywhere(made.serialHex());
  }

  // --- orders ----------------------------------------------------------------------------------

  private String newKeyOrder() {
    return journey.submitted(
        new CertificateInformation(
            ServiceType.NEW_OR_REPLACE, 1, false, true, null, null, agent(), true),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null));
  }

  private String selfServiceChange(CertificateRecord old) {
    return journey.submitted(
        new CertificateInformation(
            ServiceType.CHANGE, null, null, null, null, base64(old.getDer()), agent(), true),
        PickupDetails.selfService());
  }

  private String lostKeyOrder(CertificateRecord lost) {
    return journey.submitted(
        new CertificateInformation(
            ServiceType.LOST, null, null, null, lost.getSerialHex(), null, agent(), true),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", null));
  }

  private boolean outboxHas(String text) throws SQLException {
    return !journey
        .strings("select text from sms_outbox where text like '%" + text + "%'")
        .isEmpty();
  }
}
