package cn.cwca.portal.it.issuance;

import static cn.cwca.portal.it.TestCallers.OPERATOR;
import static cn.cwca.portal.it.TestCallers.ORGANISATION;
import static cn.cwca.portal.it.issuance.IssuanceJourney.CLIENT;
import static cn.cwca.portal.it.issuance.IssuanceJourney.NAME;
import static cn.cwca.portal.it.issuance.IssuanceJourney.ORIGIN;
import static cn.cwca.portal.it.issuance.IssuanceJourney.agent;
import static cn.cwca.portal.it.issuance.IssuanceJourney.assertRunsForYearsFrom;
import static cn.cwca.portal.it.issuance.IssuanceJourney.base64;
import static cn.cwca.portal.it.issuance.IssuanceJourney.subjectAttribute;
import static cn.cwca.portal.it.issuance.IssuanceJourney.x509;
import static cn.cwca.portal.it.issuance.TokenKeys.csrBase64;
import static cn.cwca.portal.it.issuance.TokenKeys.p256;
import static cn.cwca.portal.it.issuance.TokenKeys.proof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateChoice;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateStatus;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.issuance.MadeCertificate;
import cn.cwca.portal.issuance.SelfServiceView;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestCallers;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.application.SampleDocuments;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The combined service types from payment to 已完成 through the real services, the CA and PostgreSQL,
 * with key pairs made on a SoftHSM2 token ({@link TokenKeys}): 变更+更新 made by the organisation on
 * its own key, and 更新+丢失补办 made by an operator on a new key and delivered by courier; each with the
 * old certificate revoked in the registry, in OCSP answers and on the CRL.
 */
@ExtendWith(ArquillianExtension.class)
class CombinedServiceTypesIT {

  /** 机构名称 after the change in 个人中心. */
  private static final String CHANGED_NAME = "聊城制证变更测试有限公司";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        CombinedServiceTypesIT.class,
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
  @EJB CertificateRegistry registry;

  @Inject IssuanceJourney journey;

  /** The organisation exists under its name, with no draft and no orders or certificates left. */
  @BeforeEach
  void theOrganisationWithNothingBehindIt() throws Exception {
    journey.organisationWithNothingBehindIt();
  }

  @Test
  void aChangeWithRenewalIsMadeOnTheApplicantsKeyForTheOrdersYearsAndRevokesTheOldCertificate()
      throws Exception {
    KeyPair oldKey = p256();
    CertificateRecord old = journey.expiringCertificateOf(oldKey);
    journey.renameTheOrganisation(CHANGED_NAME);
    String id =
        journey.submitted(
            new CertificateInformation(
                ServiceType.CHANGE_AND_RENEW,
                2,
                null,
                null,
                null,
                base64(old.getDer()),
                agent(),
                true),
            PickupDetails.selfService());
    journey.approveTwice(id);
    assertEquals(
        CHANGED_NAME,
        applications.findMine(id).orElseThrow().getApprovedSubject().name(),
        "the reviewers approved the changed subject");

    journey.as(ORGANISATION);
    SelfServiceView view = issuance.selfService(id);
    assertEquals(old.getSerialHex(), view.proofSerialHex(), "the old key's proof is asked");
    KeyPair newKey = p256();
    Instant before = Instant.now();
    MadeCertificate made =
        issuance.makeSelfService(
            id, csrBase64(newKey), proof(oldKey, ORIGIN, view.nonce()), ORIGIN, CLIENT);
    Instant after = Instant.now();

    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(newKey.getPublic(), certificate.getPublicKey(), "made for the token's key");
    assertEquals(CHANGED_NAME, subjectAttribute(certificate, BCStyle.CN));
    assertEquals(CHANGED_NAME, subjectAttribute(certificate, BCStyle.O));
    assertEquals(ORGANISATION, subjectAttribute(certificate, BCStyle.SERIALNUMBER));
    assertEquals(NAME, subjectAttribute(x509(base64(old.getDer())), BCStyle.CN), "as it was");
    assertRunsForYearsFrom(certificate, 2, before, after);
    assertEquals(
        CertificateStatus.VALID,
        registry.findBySerial(old.getSerialHex()).orElseThrow().getStatus(),
        "the old certificate stays valid until the new one is on the key");

    issuance.confirmOnKey(id, CLIENT);

    assertEquals(OrderStatus.COMPLETED, journey.status(id));
    // 变更+更新 is a change of subject first: docs/workflow.md and IssuanceService revoke it with
    // affiliationChanged, as 变更.
    journey.assertRevokedEverywhere(old.getSerialHex(), RevocationReason.AFFILIATION_CHANGED);
    journey.assertValidEverywhere(made.serialHex());
    assertEquals(
        ORGANISATION, registry.findBySerial(made.serialHex()).orElseThrow().getOwnerLoginName());
  }

  @Test
  void aRenewalOfALostKeyRevokesItAtApprovalAndTheOfficesNewKeyIsDeliveredForTheOrdersYears()
      throws Exception {
    CertificateRecord lost = journey.expiringCertificateOf(p256());
    journey.as(ORGANISATION);
    assertTrue(
        applications.choosableCertificates(ServiceType.RENEW_AND_LOST).stream()
            .map(CertificateChoice::serialHex)
            .anyMatch(lost.getSerialHex()::equals),
        "选择证书 offers the certificate inside the renewal window");
    String id =
        journey.submitted(
            new CertificateInformation(
                ServiceType.RENEW_AND_LOST,
                2,
                null,
                null,
                lost.getSerialHex(),
                null,
                agent(),
                true),
            PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", null));

    journey.paidAndApproved(id);

    journey.assertRevokedEverywhere(lost.getSerialHex(), RevocationReason.KEY_COMPROMISE);

    journey.as(OPERATOR);
    KeyPair key = p256();
    Instant before = Instant.now();
    MadeCertificate made = issuance.makeAtOffice(id, csrBase64(key), "SOFTHSM-RL-1", CLIENT);
    Instant after = Instant.now();

    X509Certificate certificate = x509(made.certificateBase64());
    assertEquals(key.getPublic(), certificate.getPublicKey(), "made for the token's key");
    assertEquals(NAME, subjectAttribute(certificate, BCStyle.CN));
    assertRunsForYearsFrom(certificate, 2, before, after);
    assertEquals(OrderStatus.CERTIFICATE_MADE, journey.status(id));

    journey.deliveredByCourier(id);

    journey.as(ORGANISATION);
    var order = applications.findMine(id).orElseThrow();
    assertEquals(OrderStatus.COMPLETED, order.getStatus());
    assertEquals("SOFTHSM-RL-1", order.getKeySerial());
    assertEquals(made.serialHex(), order.getIssuedSerialHex());
    journey.assertValidEverywhere(made.serialHex());
    journey.assertRevokedEverywhere(lost.getSerialHex(), RevocationReason.KEY_COMPROMISE);
  }
}
