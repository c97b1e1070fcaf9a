package cn.cwca.portal.it.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.KeyPossession;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.application.WizardStep;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.KeyProofs;
import cn.cwca.portal.it.LegacyCa;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestCallerMechanism;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestKeys;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step 1 of 更新 (and 变更, 变更+更新) through the real services and PostgreSQL, as the applicant {@link
 * TestCallerMechanism#LOGIN_NAME}: the certificate read from the key counts only with the key's
 * proof that it holds the certificate's private key, a signature over a nonce the server gave this
 * applicant for step 1, once, for the portal's origin. The certificates "on the key" are issued by
 * the server's earlier issuing CA ({@link LegacyCa}) for key pairs made here, as a USB key holds
 * them.
 */
@ExtendWith(ArquillianExtension.class)
class KeyPossessionIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.79");
  private static final String ME = TestCallerMechanism.LOGIN_NAME;

  /** Valid 2020 to 2021: expired, so always inside the renewal window. */
  private static final Instant FROM = Instant.parse("2020-03-01T08:00:00Z");

  private static final Instant TO = Instant.parse("2021-03-01T08:00:00Z");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        KeyPossessionIT.class,
        SampleDocuments.class,
        LegacyCa.class,
        TestIdentities.class,
        TestKeys.class,
        TestCallerMechanism.class);
  }

  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB AccountService accounts;
  @EJB KeyProofs proofs;
  @EJB AuditLog audit;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /** The caller has an account and no open draft. */
  @BeforeEach
  void callerHasAnAccountAndNoDraft() {
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person(accounts, "测试申请人", ME), CLIENT);
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
  }

  @Test
  void theKeysProofOfItsCertificateSavesStepOneAndIsRecordedAndAudited() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);

    CertificateApplication draft =
        step1(renewal(certificate), TestKeys.proof(key.getPrivate(), applications.keyChallenge()));

    assertEquals(WizardStep.CONFIRMATION, draft.getWizardStep());
    CertificateApplication saved = applications.findMine(draft.getPublicId()).orElseThrow();
    assertNotNull(saved.getCertificateKeyProvenAt(), "the draft records when the key proved it");
    List<AuditEntry> entries = audit.forTarget("application:" + draft.getPublicId());
    assertTrue(
        entries.stream()
            .anyMatch(
                e ->
                    e.getAction().equals("application.keyPossessionProven")
                        && e.getActor().equals(ME)
                        && e.getDetails().contains("certificate=" + saved.getCertificateSerialHex())
                        && e.getDetails().contains("SHA256withECDSA")),
        "audited: " + entries.stream().map(AuditEntry::getAction).toList());
  }

  @Test
  void anRsaKeyProvesItsCertificateToo() {
    KeyPair key = TestKeys.rsa2048();
    String certificate = certificateFor(key);

    CertificateApplication draft =
        step1(renewal(certificate), TestKeys.proof(key.getPrivate(), applications.keyChallenge()));

    assertNotNull(
        applications.findMine(draft.getPublicId()).orElseThrow().getCertificateKeyProvenAt());
  }

  @Test
  void aCertificateFromTheKeyWithoutAProofIsRefusedAndNothingIsSaved() {
    String certificate = certificateFor(TestKeys.p256());

    assertRefused("application.keyProofRequired", () -> step1(renewal(certificate), null));
    assertRefused(
        "application.keyProofRequired",
        () -> applications.saveCertificateInformation(DraftRef.NONE, renewal(certificate), CLIENT));
    assertTrue(applications.currentDraft().isEmpty(), "nothing was saved");
  }

  @Test
  void aProofByAnotherKeyIsRefused() {
    String certificate = certificateFor(TestKeys.p256());
    KeyProof byAnotherKey =
        TestKeys.proof(TestKeys.p256().getPrivate(), applications.keyChallenge());

    assertRefused("application.keyProofInvalid", () -> step1(renewal(certificate), byAnotherKey));
    assertTrue(applications.currentDraft().isEmpty(), "nothing was saved");
  }

  @Test
  void aProofMadeForAPageOfAnotherSiteIsRefused() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    KeyProof forAnotherSite =
        TestKeys.proof(key.getPrivate(), "https://evil.example", applications.keyChallenge());

    assertRefused("application.keyProofInvalid", () -> step1(renewal(certificate), forAnotherSite));
  }

  @Test
  void aNonceServesOneProofOnly() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    KeyProof proof = TestKeys.proof(key.getPrivate(), applications.keyChallenge());
    String id = step1(renewal(certificate), proof).getPublicId();
    applications.discardDraft(id, CLIENT);

    assertRefused("application.keyProofExpired", () -> step1(renewal(certificate), proof));
    assertTrue(applications.currentDraft().isEmpty(), "nothing was saved");
  }

  @Test
  void anExpiredNonceIsRefused() throws SQLException {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    String nonce = applications.keyChallenge();
    expire(nonce);

    assertRefused(
        "application.keyProofExpired",
        () -> step1(renewal(certificate), TestKeys.proof(key.getPrivate(), nonce)));
  }

  @Test
  void anotherApplicantsNonceIsRefused() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    String theirs = proofs.challenge(TestIdentities.residentId(), KeyPossession.PURPOSE);

    assertRefused(
        "application.keyProofExpired",
        () -> step1(renewal(certificate), TestKeys.proof(key.getPrivate(), theirs)));
  }

  @Test
  void aNonceGivenForAnotherPurposeIsRefused() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    String forMaking = proofs.challenge(ME, "make:AAAAAAAAAAAAAAAA");

    assertRefused(
        "application.keyProofExpired",
        () -> step1(renewal(certificate), TestKeys.proof(key.getPrivate(), forMaking)));
  }

  @Test
  void aStepRefusedForAnotherReasonLeavesTheNonceForTheNextTry() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    KeyProof proof = TestKeys.proof(key.getPrivate(), applications.keyChallenge());
    CertificateInformation withoutStatement =
        new CertificateInformation(
            ServiceType.RENEW, 1, null, null, null, certificate, agent(), false);

    assertRefused("application.statementRequired", () -> step1(withoutStatement, proof));

    assertNotNull(step1(renewal(certificate), proof).getPublicId());
  }

  @Test
  void savingStepOneAgainWithTheSameCertificateKeepsItsProofButAnotherNeedsItsOwn() {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    String id =
        step1(renewal(certificate), TestKeys.proof(key.getPrivate(), applications.keyChallenge()))
            .getPublicId();
    LocalDateTime proven = applications.findMine(id).orElseThrow().getCertificateKeyProvenAt();
    applications.goBack(shown(id), WizardStep.CERTIFICATE_INFORMATION);

    // 上一步 and 立即申请 again, another 经办人, the same certificate: no new reading of the key
    assertEquals(id, step1(renewal(certificate), null).getPublicId());
    assertEquals(proven, applications.findMine(id).orElseThrow().getCertificateKeyProvenAt());

    String another = certificateFor(TestKeys.p256());
    assertRefused("application.keyProofRequired", () -> step1(renewal(another), null));
    assertEquals(proven, applications.findMine(id).orElseThrow().getCertificateKeyProvenAt());
  }

  @Test
  void aDraftWhoseKeyNeverProvedItsCertificateIsNotSubmitted() throws SQLException {
    KeyPair key = TestKeys.p256();
    String certificate = certificateFor(key);
    String id =
        step1(renewal(certificate), TestKeys.proof(key.getPrivate(), applications.keyChallenge()))
            .getPublicId();
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), PickupDetails.selfService(), CLIENT);
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.required()) {
        documents.upload(
            id,
            slot.type(),
            DocumentUpload.of(slot.type().name() + ".pdf", SampleDocuments.PDF),
            CLIENT);
      }
    }
    neverProven(id); // as a draft saved before the key had to prove it

    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    assertRefused(
        "application.keyProofMissing", () -> applications.submit(shown(id), token, CLIENT));
    assertTrue(applications.findMine(id).orElseThrow().isDraft(), "nothing was submitted");
    assertNull(applications.findMine(id).orElseThrow().getCertificateKeyProvenAt());
  }

  // --- helpers ------------------------------------------------------------------------------

  /** A certificate of the caller for the key, as read from a USB key that holds the key pair. */
  private static String certificateFor(KeyPair key) {
    return LegacyCa.issue("SERIALNUMBER=" + ME + ",CN=原姓名,C=CN", key.getPublic(), FROM, TO);
  }

  private static CertificateInformation renewal(String certificate) {
    return new CertificateInformation(
        ServiceType.RENEW, 1, null, null, null, certificate, agent(), true);
  }

  private static AgentDetails agent() {
    return new AgentDetails(
        "测试经办人", TestIdentities.mobile(), IdType.RESIDENT_ID, TestIdentities.residentId());
  }

  private CertificateApplication step1(CertificateInformation info, KeyProof proof) {
    return applications.saveCertificateInformation(
        DraftRef.NONE, info, proof, TestKeys.ORIGIN, CLIENT);
  }

  private static void assertRefused(String messageKey, Runnable step) {
    BusinessException e = assertThrows(BusinessException.class, step::run);
    assertEquals(messageKey, e.messageKey());
  }

  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }

  private void expire(String nonce) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "update key_challenge set expires_at = created_at where nonce = ?")) {
      update.setString(1, nonce);
      assertEquals(1, update.executeUpdate());
    }
  }

  private void neverProven(String publicId) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "update certificate_application set certificate_key_proven_at = null"
                    + " where public_id = ?")) {
      update.setString(1, publicId);
      assertEquals(1, update.executeUpdate());
    }
  }
}
