package cn.cwca.portal.it.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.application.SubmissionResult;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.it.LegacyCa;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestKeys;
import cn.cwca.portal.it.TestSms;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 变更 of an organisation's 法定代表人 through the real services, called as the organisation {@link
 * OrganisationCallerMechanism#LOGIN_NAME}: the certificate read from the key names the organisation
 * as the personal centre does and does not carry the legal representative, so a 变更 is accepted only
 * when the personal centre changed the legal representative after the certificate was issued. Every
 * test starts from the organisation as registered, never changed.
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationChangeIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.78");
  private static final String ORGANISATION = OrganisationCallerMechanism.LOGIN_NAME;
  private static final String NAME = "聊城变更测试有限公司";
  private static final byte[] PDF = SampleDocuments.PDF;

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        OrganisationChangeIT.class,
        SampleDocuments.class,
        LegacyCa.class,
        TestIdentities.class,
        TestKeys.class,
        OrganisationCallerMechanism.class);
  }

  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB AccountService accounts;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** The private keys of the certificates "on the key" of the test, by their base64 DER. */
  private final Map<String, PrivateKey> keys = new HashMap<>();

  /**
   * The organisation exists under its registered name, its legal representative never changed (the
   * column an earlier test set is cleared), and it has no open draft.
   */
  @BeforeEach
  void theOrganisationAsRegistered() throws SQLException {
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
    legalRepresentativeChangedAt(null);
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
  }

  @Test
  void aChangeIsRefusedWhileNothingChangedSinceTheCertificateWasIssued() {
    String key = certificateOnTheKey(Instant.now().minus(Duration.ofDays(30)));

    BusinessException e = assertThrows(BusinessException.class, () -> step1(change(key)));

    assertEquals("application.change.sameSubject", e.messageKey());
  }

  @Test
  void aChangeIsAcceptedOnceThePersonalCentreChangedTheLegalRepresentative() {
    String key = certificateOnTheKey(Instant.now().minus(Duration.ofDays(30)));
    changeTheLegalRepresentativeInThePersonalCentre();
    assertNotNull(accounts.find(ORGANISATION).orElseThrow().getLegalRepresentativeChangedAt());

    String id = step1(change(key));
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), PickupDetails.selfService(), CLIENT);
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.required()) {
        documents.upload(
            id, slot.type(), DocumentUpload.of(slot.type().name() + ".pdf", PDF), CLIENT);
      }
    }
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    SubmissionResult result = applications.submit(shown(id), token, CLIENT);

    assertEquals(ReviewStatus.PENDING, result.reviewStatus());
    assertEquals(ServiceType.CHANGE, applications.findMine(id).orElseThrow().getServiceType());
  }

  @Test
  void aLegalRepresentativeChangedBeforeTheCertificateWasIssuedIsNothingToChange()
      throws SQLException {
    changeTheLegalRepresentativeInThePersonalCentre();
    legalRepresentativeChangedAt(LocalDateTime.now(ZoneOffset.UTC).minusDays(60));
    String key = certificateOnTheKey(Instant.now().minus(Duration.ofDays(30)));

    BusinessException e = assertThrows(BusinessException.class, () -> step1(change(key)));

    assertEquals("application.change.sameSubject", e.messageKey());
  }

  // --- helpers ------------------------------------------------------------------------------

  /** 个人中心: a new 法定代表人, the name and mobile number unchanged. */
  private void changeTheLegalRepresentativeInThePersonalCentre() {
    Account me = accounts.find(ORGANISATION).orElseThrow();
    String next = me.getLegalRepresentative().equals("李新法人") ? "王新法人" : "李新法人";
    accounts.updateProfile(
        ProfileUpdate.of(me), new ProfileUpdate(me.getDisplayName(), me.getMobile(), next), CLIENT);
  }

  /**
   * The organisation's certificate as read from its key: issued by the earlier CA the server
   * recognises, naming it as the personal centre does (CN = 机构名称, serialNumber = USCC).
   */
  private String certificateOnTheKey(Instant issued) {
    KeyPair key = TestKeys.p256();
    String certificate =
        LegacyCa.issue(
            "SERIALNUMBER=" + ORGANISATION + ",CN=" + NAME + ",C=CN",
            key.getPublic(),
            issued,
            issued.plus(Duration.ofDays(730)));
    keys.put(certificate, key.getPrivate());
    return certificate;
  }

  private static CertificateInformation change(String der) {
    return new CertificateInformation(
        ServiceType.CHANGE,
        null,
        null,
        null,
        null,
        der,
        new AgentDetails(
            "测试经办人", TestIdentities.mobile(), IdType.RESIDENT_ID, TestIdentities.residentId()),
        true);
  }

  /** 立即申请, with the key's proof for the certificate read from it, over a nonce given for it. */
  private String step1(CertificateInformation info) {
    KeyProof proof =
        TestKeys.proof(keys.get(info.keyCertificateDerBase64()), applications.keyChallenge());
    return applications
        .saveCertificateInformation(DraftRef.NONE, info, proof, TestKeys.ORIGIN, CLIENT)
        .getPublicId();
  }

  private void legalRepresentativeChangedAt(LocalDateTime at) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "update account set legal_representative_changed_at = ? where login_name = ?")) {
      update.setTimestamp(1, at == null ? null : Timestamp.valueOf(at));
      update.setString(2, ORGANISATION);
      assertEquals(1, update.executeUpdate());
    }
  }

  /** The draft as a page that reads it now shows it. */
  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }
}
