package cn.cwca.portal.it.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.account.ProfileUpdate;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationFormService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.CertificateChoice;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.InputField;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.application.SubmissionResult;
import cn.cwca.portal.application.UncheckedInput;
import cn.cwca.portal.application.WizardStep;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.Catalogue;
import cn.cwca.portal.catalogue.DocumentRequirements;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.HandlingPoint;
import cn.cwca.portal.catalogue.ManualCatalogue;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.PickupRules;
import cn.cwca.portal.catalogue.PriceTable;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.document.DocumentInfo;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.it.LegacyCa;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.RegistryRow;
import cn.cwca.portal.it.TestCallerMechanism;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestKeys;
import cn.cwca.portal.it.WhileATransactionIsOpen;
import cn.cwca.portal.progress.ProgressPage;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificate applications through the real services, PostgreSQL and the seeded reference data,
 * called as the authenticated applicant {@link TestCallerMechanism#LOGIN_NAME} (a natural person,
 * so the required documents are the 申请单, the 协议 and the 经办人身份证复印件): each of the six service types
 * from the first step to the order, the refusals of submission, idempotent submission, cancelling,
 * and that another applicant's 申请ID gives nothing. Every test starts as an applicant without an
 * open draft, orders or certificates (earlier tests' are handed to someone else) and makes its own
 * data.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateApplicationIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.77");
  private static final String ME = TestCallerMechanism.LOGIN_NAME;

  private static final byte[] PDF = SampleDocuments.PDF;
  private static final byte[] PNG = SampleDocuments.PNG;

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        CertificateApplicationIT.class,
        SampleDocuments.class,
        KeyCertificates.class,
        ManualCatalogue.class,
        LegacyCa.class,
        TestIdentities.class,
        RegistryRow.class,
        TestKeys.class,
        TestCallerMechanism.class,
        WhileATransactionIsOpen.class,
        WhileATransactionIsOpen.Work.class);
  }

  @EJB ApplicationService applications;
  @EJB ProgressService progress;
  @EJB ApplicationDocumentService documents;
  @EJB ApplicationFormService forms;
  @EJB Catalogue catalogue;
  @EJB AccountService accounts;
  @EJB AuditLog audit;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @Inject UserTransaction tx;

  @Resource ManagedExecutorService executor;

  /**
   * The caller has an account, no open draft, and no orders or certificates (so that 新办's free
   * first key is still theirs to ask for), whatever an earlier test or test class did.
   */
  @BeforeEach
  void callerHasAnAccountAndNothingElse() throws SQLException {
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person(accounts, "测试申请人", ME), CLIENT);
    }
    Account me = accounts.find(ME).orElseThrow();
    if (me.getDisplayName().equals(KeyCertificates.SUBJECT_NAME)) {
      // A run that stopped inside changeWithUnchangedSubject... left the key's name behind.
      accounts.updateProfile(
          ProfileUpdate.of(me), new ProfileUpdate("测试申请人", me.getMobile(), null), CLIENT);
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    handEverythingToSomeoneElse();
  }

  // --- the six service types, end to end ------------------------------------------------------

  @Test
  void newFirstKeyShippedFromLiaochengIsFreeAndCountsAsPaid() {
    String id = step1(newKey(false));
    applications.confirmUserInformation(shown(id));
    assertEquals(
        List.of("COURIER@SD_LIAOCHENG", "PICKUP@SD_LIAOCHENG"),
        describe(applications.pickupOptions(id)));
    applications.savePickup(
        shown(id),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", "放门卫"),
        CLIENT);
    uploadRequired(id);
    assertTrue(applications.quote(id).isFree());

    SubmissionResult result = submit(id);

    assertEquals(ReviewStatus.PENDING, result.reviewStatus());
    assertEquals(PaymentStatus.PAID, result.paymentStatus(), "a free order counts as paid");
    assertEquals(0, BigDecimal.ZERO.compareTo(result.price()));
    assertEquals(
        "application.submittedFree", result.messageKey(), "a free order is not asked to pay");
    CertificateApplication order = applications.findMine(id).orElseThrow();
    assertEquals("山东聊城办理点", order.getHandlingPointName());
    assertEquals("山东省聊城市", order.getHandlingPointAddress());
    assertEquals("李收货", order.getRecipientName());
    assertNotNull(order.getSubmittedAt());
  }

  @Test
  void renewalReadsTheExpiredCertificateFromTheKeyAndIsSelfService() {
    CertificateChoice read =
        applications.inspectKeyCertificate(ServiceType.RENEW, KeyCertificates.EXPIRED);
    assertEquals(KeyCertificates.SUBJECT_NAME, read.subjectName());

    String id = step1(fromKey(ServiceType.RENEW, 1, KeyCertificates.EXPIRED));
    applications.confirmUserInformation(shown(id));
    assertEquals(List.of("SELF_SERVICE@SD_LIAOCHENG"), describe(applications.pickupOptions(id)));
    applications.savePickup(shown(id), PickupDetails.selfService(), CLIENT);
    uploadRequired(id);
    BigDecimal quoted = applications.quote(id).amount();

    SubmissionResult result = submit(id);

    assertEquals(PaymentStatus.UNPAID, result.paymentStatus());
    assertEquals(0, quoted.compareTo(result.price()));
    CertificateApplication order = applications.findMine(id).orElseThrow();
    assertEquals(read.serialHex(), order.getCertificateSerialHex());
    assertEquals(PickupMethod.SELF_SERVICE, order.getPickupMethod());
  }

  @Test
  void changeOfAValidCertificateWhoseSubjectDiffersFromThePersonalCentre() {
    String id = step1(fromKey(ServiceType.CHANGE, null, KeyCertificates.VALID_UNTIL_2049));
    assertNull(applications.findMine(id).orElseThrow().getYears());
    walkToSubmission(id, PickupDetails.selfService());

    SubmissionResult result = submit(id);

    assertEquals(ReviewStatus.PENDING, result.reviewStatus());
    assertEquals(ServiceType.CHANGE, applications.findMine(id).orElseThrow().getServiceType());
  }

  @Test
  void lostKeyIsChosenFromTheCallersCertificatesAndCollectedInLiaocheng() throws SQLException {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    String serial = registryCertificate(now.minusMonths(6), now.plusMonths(6));
    assertTrue(
        applications.choosableCertificates(ServiceType.LOST).stream()
            .anyMatch(c -> c.serialHex().equals(serial)));

    String id = step1(fromRegistry(ServiceType.LOST, null, serial));
    applications.confirmUserInformation(shown(id));
    assertEquals(
        List.of("COURIER@SD_LIAOCHENG", "PICKUP@SD_LIAOCHENG"),
        describe(applications.pickupOptions(id)));
    applications.savePickup(
        shown(id),
        PickupDetails.pickup("赵取证", TestIdentities.mobile(), TestIdentities.residentId()),
        CLIENT);
    uploadRequired(id);

    SubmissionResult result = submit(id);

    assertEquals(ReviewStatus.PENDING, result.reviewStatus());
    CertificateApplication order = applications.findMine(id).orElseThrow();
    assertEquals(serial, order.getCertificateSerialHex());
    assertEquals("赵取证", order.getCollectorName());
  }

  @Test
  void changeAndRenewalOfAnExpiredCertificate() {
    String id = step1(fromKey(ServiceType.CHANGE_AND_RENEW, 2, KeyCertificates.EXPIRED));
    walkToSubmission(id, PickupDetails.selfService());

    SubmissionResult result = submit(id);

    assertEquals(ReviewStatus.PENDING, result.reviewStatus());
    assertEquals(2, applications.findMine(id).orElseThrow().getYears());
  }

  @Test
  void renewalOfALostFurtherKeyShipsFromYinchuanAndIsPaid() throws SQLException {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    String expiring = registryCertificate(now.minusYears(1), now.plusDays(10));
    registryCertificate(now.minusMonths(1), now.plusYears(1)); // the caller keeps another key
    assertTrue(
        applications.choosableCertificates(ServiceType.RENEW_AND_LOST).stream()
            .anyMatch(c -> c.serialHex().equals(expiring)));

    String id = step1(fromRegistry(ServiceType.RENEW_AND_LOST, 1, expiring));
    assertTrue(applications.findMine(id).orElseThrow().isFurtherPaidKey());
    applications.confirmUserInformation(shown(id));
    assertEquals(List.of("COURIER@NX_YINCHUAN"), describe(applications.pickupOptions(id)));
    applications.savePickup(
        shown(id),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null),
        CLIENT);
    uploadRequired(id);

    SubmissionResult result = submit(id);

    assertEquals(PaymentStatus.UNPAID, result.paymentStatus());
    assertTrue(result.price().signum() > 0, "a further key is paid");
    assertEquals("宁夏银川办理点", applications.findMine(id).orElseThrow().getHandlingPointName());
  }

  // --- step rules -----------------------------------------------------------------------------

  @Test
  void certificateValidForLongerThanSixtyDaysCannotBeRenewed() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> step1(fromKey(ServiceType.RENEW, 1, KeyCertificates.VALID_UNTIL_2049)));
    assertEquals("application.renewal.tooEarly", e.messageKey());
    assertEquals("2049-08-23", e.args()[0]);
  }

  @Test
  void someoneElsesCertificateIsRefused() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> step1(fromKey(ServiceType.RENEW, 1, KeyCertificates.SOMEONE_ELSES)));
    assertEquals("application.certificateNotOwned", e.messageKey());
  }

  @Test
  void certificateNotIssuedByThisCaIsRefusedThoughItNamesTheCaller() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> step1(fromKey(ServiceType.RENEW, 1, KeyCertificates.SELF_SIGNED)));
    assertEquals("application.certificateNotFromThisCa", e.messageKey());
  }

  @Test
  void changeWithUnchangedSubjectAsksToUpdateThePersonalCentreFirst() {
    Account me = accounts.find(ME).orElseThrow();
    accounts.updateProfile(
        ProfileUpdate.of(me),
        new ProfileUpdate(KeyCertificates.SUBJECT_NAME, me.getMobile(), null),
        CLIENT);
    try {
      BusinessException e =
          assertThrows(
              BusinessException.class,
              () -> step1(fromKey(ServiceType.CHANGE, null, KeyCertificates.VALID_UNTIL_2049)));
      assertEquals("application.change.sameSubject", e.messageKey());
    } finally {
      accounts.updateProfile(
          ProfileUpdate.of(accounts.find(ME).orElseThrow()), ProfileUpdate.of(me), CLIENT);
    }
  }

  @Test
  void changeNeedsAValidCertificate() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> step1(fromKey(ServiceType.CHANGE, null, KeyCertificates.EXPIRED)));
    assertEquals("application.certificateExpired", e.messageKey());
  }

  @Test
  void aFurtherNewKeyCannotBeCollectedAtTheCounter() {
    String id = step1(newKey(true));
    applications.confirmUserInformation(shown(id));
    assertEquals(List.of("COURIER@NX_YINCHUAN"), describe(applications.pickupOptions(id)));
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                applications.savePickup(
                    shown(id),
                    PickupDetails.pickup(
                        "赵取证", TestIdentities.mobile(), TestIdentities.residentId()),
                    CLIENT));
    assertEquals("application.pickup.notAllowed", e.messageKey());
  }

  @Test
  void aFreeFirstKeyIsRefusedToAnApplicantWhoHoldsAValidCertificate() throws SQLException {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    registryCertificate(now.minusMonths(1), now.plusYears(1));

    BusinessException e = assertThrows(BusinessException.class, () -> step1(newKey(false)));

    assertEquals("application.firstKeyTaken", e.messageKey());
    assertTrue(applications.currentDraft().isEmpty(), "nothing was saved");
    String id = step1(newKey(true));
    assertTrue(applications.findMine(id).orElseThrow().isFurtherPaidKey());
  }

  @Test
  void aFreeFirstKeyIsRefusedWhileAnotherFreeFirstKeyOrderStands() throws SQLException {
    String first = submitted(newKey(false));

    BusinessException e = assertThrows(BusinessException.class, () -> step1(newKey(false)));
    assertEquals("application.firstKeyTaken", e.messageKey());

    reject(first); // as a reviewer would: a rejected order gave no key
    String again = step1(newKey(false));
    assertFalse(applications.findMine(again).orElseThrow().isFurtherPaidKey());
  }

  @Test
  void submissionRefusesAFreeFirstKeyThatWasGivenSinceStepOne() throws SQLException {
    String id = step1(newKey(false));
    walkToSubmission(id, courierInLiaocheng());
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    registryCertificate(now.minusDays(1), now.plusYears(1)); // issued meanwhile

    BusinessException e = assertThrows(BusinessException.class, () -> submit(id));

    assertEquals("application.firstKeyTaken", e.messageKey());
    assertTrue(applications.findMine(id).orElseThrow().isDraft(), "nothing was submitted");
  }

  @Test
  void aResumedDraftSavesAChangedServiceType() {
    String id = step1(newKey(true));
    applications.confirmUserInformation(shown(id));

    // 上一步 to 证书信息填写, then another service type (each call reads the draft afresh)
    applications.goBack(shown(id), WizardStep.CERTIFICATE_INFORMATION);
    assertEquals(id, step1(fromKey(ServiceType.CHANGE, null, KeyCertificates.VALID_UNTIL_2049)));

    CertificateApplication draft = applications.findMine(id).orElseThrow();
    assertEquals(ServiceType.CHANGE, draft.getServiceType());
    assertNull(draft.getYears());
    assertFalse(draft.isFurtherPaidKey());
    assertEquals(KeyCertificates.SUBJECT_NAME, draft.getCertificateSubjectName());
    assertEquals(WizardStep.CONFIRMATION, draft.getWizardStep());
  }

  @Test
  void theDraftKeepsEveryStepAndIsResumed() {
    String id = step1(newKey(false));
    String again =
        applications.saveCertificateInformation(DraftRef.NONE, newKey(false), CLIENT).getPublicId();
    assertEquals(id, again, "starting again continues the open draft");
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), courierInLiaocheng(), CLIENT);

    CertificateApplication draft = applications.currentDraft().orElseThrow();
    assertEquals(id, draft.getPublicId());
    assertEquals(WizardStep.DOCUMENTS, draft.getWizardStep());
    assertEquals(PickupMethod.COURIER, draft.getPickupMethod());
    assertTrue(id.matches("[A-Z2-7]{16}"), "the 申请ID is no sequence number: " + id);

    applications.discardDraft(id, CLIENT);
    assertTrue(applications.currentDraft().isEmpty());
    assertTrue(applications.findMine(id).isEmpty());
  }

  @Test
  void whatIsTypedIsKeptUncheckedInADraftStartedOnTheFirstChange() {
    CertificateApplication started =
        applications.keepUncheckedInput(
            DraftRef.NONE,
            WizardStep.CERTIFICATE_INFORMATION,
            UncheckedInput.of(
                Map.of(
                    InputField.SERVICE_TYPE, "NEW_OR_REPLACE",
                    InputField.AGENT_NAME, "钱",
                    InputField.AGENT_MOBILE, "123")));

    CertificateApplication draft = applications.currentDraft().orElseThrow();
    assertEquals(started.getPublicId(), draft.getPublicId());
    assertEquals("123", draft.getUncheckedInput().text(InputField.AGENT_MOBILE), "as typed");
    assertNull(draft.getServiceType(), "no step is saved");
    assertEquals(WizardStep.CERTIFICATE_INFORMATION, draft.getWizardStep());

    String id = draft.getPublicId();
    applications.keepUncheckedInput(
        DraftRef.NONE,
        WizardStep.CERTIFICATE_INFORMATION,
        UncheckedInput.of(Map.of(InputField.AGENT_NAME, "钱经办")));
    assertEquals(
        Map.of(InputField.AGENT_NAME, "钱经办"),
        applications.currentDraft().orElseThrow().getUncheckedInput().texts(),
        "the open draft goes on, the step's input is replaced");

    assertEquals(id, step1(newKey(true)));
    CertificateApplication saved = applications.findMine(id).orElseThrow();
    assertTrue(saved.getUncheckedInput().isEmpty(), "立即申请 saved the checked values");
    assertEquals("测试经办人", saved.getAgentName());

    applications.confirmUserInformation(shown(id));
    applications.keepUncheckedInput(
        shown(id),
        WizardStep.PICKUP,
        UncheckedInput.of(
            Map.of(InputField.RECIPIENT_NAME, "李", InputField.RECIPIENT_MOBILE, "138")));
    assertEquals(
        "138",
        applications
            .findMine(id)
            .orElseThrow()
            .getUncheckedInput()
            .text(InputField.RECIPIENT_MOBILE));
    applications.savePickup(
        shown(id),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null),
        CLIENT);
    assertTrue(applications.findMine(id).orElseThrow().getUncheckedInput().isEmpty());
  }

  @Test
  void typedInputIsRefusedForAnOrderAndForAnotherApplicantsDraft() throws SQLException {
    UncheckedInput remark = UncheckedInput.of(Map.of(InputField.REMARK, "晚了"));
    String order = submitted(newKey(true));
    BusinessException late =
        assertThrows(
            BusinessException.class,
            () ->
                applications.keepUncheckedInput(new DraftRef(order, 0), WizardStep.PICKUP, remark));
    assertEquals("application.notDraft", late.messageKey());

    String theirs = step1(newKey(true));
    handOver(theirs, someoneElse());
    BusinessException foreign =
        assertThrows(
            BusinessException.class,
            () ->
                applications.keepUncheckedInput(
                    new DraftRef(theirs, 0), WizardStep.PICKUP, remark));
    assertEquals("application.notFound", foreign.messageKey());
  }

  // --- documents and submission -----------------------------------------------------------

  @Test
  void documentsAreRecognisedByContentReplacedAndDeletedBeforeSubmission() throws IOException {
    String id = step1(newKey(false));
    DocumentInfo png =
        documents.upload(id, DocumentType.AGENT_ID_COPY, DocumentUpload.of("身份证.pdf", PNG), CLIENT);
    assertEquals("image/png", png.contentType(), "the name says PDF, the content says PNG");

    BusinessException text =
        assertThrows(
            BusinessException.class,
            () ->
                documents.upload(
                    id,
                    DocumentType.APPLICATION_FORM,
                    DocumentUpload.of("申请单.pdf", "hello".getBytes(StandardCharsets.UTF_8)),
                    CLIENT));
    assertEquals("application.document.unsupportedType", text.messageKey());
    BusinessException licence =
        assertThrows(
            BusinessException.class,
            () ->
                documents.upload(
                    id, DocumentType.BUSINESS_LICENCE, DocumentUpload.of("执照.pdf", PDF), CLIENT));
    assertEquals("application.document.notAsked", licence.messageKey(), "a person has no licence");

    DocumentInfo pdf =
        documents.upload(id, DocumentType.AGENT_ID_COPY, DocumentUpload.of("身份证.pdf", PDF), CLIENT);
    assertEquals("application/pdf", pdf.contentType());
    DocumentContent read = documents.read(id, DocumentType.AGENT_ID_COPY).orElseThrow();
    assertArrayEquals(PDF, read.openStream().readAllBytes(), "replacing keeps one current file");
    assertEquals(1L, documents.slots(id).stream().filter(DocumentSlot::isUploaded).count());

    documents.delete(id, DocumentType.AGENT_ID_COPY, CLIENT);
    assertTrue(documents.read(id, DocumentType.AGENT_ID_COPY).isEmpty());
  }

  @Test
  void submissionWithoutARequiredDocumentIsRefusedNamingIt() {
    String id = step1(newKey(false));
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), courierInLiaocheng(), CLIENT);
    documents.upload(id, DocumentType.APPLICATION_FORM, DocumentUpload.of("a.pdf", PDF), CLIENT);
    documents.upload(id, DocumentType.SERVICE_AGREEMENT, DocumentUpload.of("b.pdf", PDF), CLIENT);

    BusinessException e = assertThrows(BusinessException.class, () -> submit(id));

    assertEquals("application.document.missing", e.messageKey());
    assertEquals("《经办人身份证复印件》", e.args()[0]);
    assertTrue(applications.findMine(id).orElseThrow().isDraft(), "nothing was submitted");
  }

  @Test
  void savingTheCertificateInformationAndThePickupIsAuditedByTheApplicant() {
    String id = step1(newKey(false));
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), courierInLiaocheng(), CLIENT);

    List<AuditEntry> entries = audit.forTarget("application:" + id);

    for (String action :
        List.of("application.certificateInformationSaved", "application.pickupSaved")) {
      assertTrue(
          entries.stream().anyMatch(e -> e.getAction().equals(action) && e.getActor().equals(ME)),
          action + " in " + entries.stream().map(AuditEntry::getAction).toList());
    }
  }

  @Test
  void aSubmissionWhileADocumentIsDeletedWaitsAndThenNamesItMissing() throws Exception {
    String id = step1(newKey(false));
    walkToSubmission(id, courierInLiaocheng());

    Future<SubmissionResult> submission =
        WhileATransactionIsOpen.run(
            tx,
            executor,
            () -> documents.delete(id, DocumentType.AGENT_ID_COPY, CLIENT),
            () -> submit(id));

    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> submission.get(60, TimeUnit.SECONDS));
    BusinessException refused = assertInstanceOf(BusinessException.class, failed.getCause());
    assertEquals("application.document.missing", refused.messageKey());
    assertTrue(applications.findMine(id).orElseThrow().isDraft(), "nothing was submitted");
  }

  @Test
  void aStepSavedFromAPageShowingAnOlderDraftIsRefusedAndUndoesNothing() {
    String id = step1(newKey(false));
    applications.confirmUserInformation(shown(id));
    DraftRef firstTab = shown(id);
    applications.savePickup(
        shown(id),
        PickupDetails.courier("王收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路9号", null),
        CLIENT);

    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> applications.savePickup(firstTab, courierInLiaocheng(), CLIENT));

    assertEquals("application.concurrentEdit", e.messageKey());
    assertEquals("王收货", applications.findMine(id).orElseThrow().getRecipientName());
  }

  @Test
  void aDraftChangedInAnotherTabSinceThePageShowedItIsNotSubmitted() {
    String id = step1(newKey(false));
    walkToSubmission(id, courierInLiaocheng());
    CertificateApplication shown = applications.findMine(id).orElseThrow();
    applications.savePickup(
        shown(id),
        PickupDetails.courier("王收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路9号", null),
        CLIENT);

    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> applications.submit(DraftRef.of(shown), shown.getSubmissionToken(), CLIENT));

    assertEquals("application.concurrentEdit", e.messageKey());
    assertTrue(applications.findMine(id).orElseThrow().isDraft(), "nothing was submitted");
  }

  @Test
  void submittingTwiceWithTheSameTokenMakesOneOrder() {
    String id = step1(newKey(true));
    walkToSubmission(
        id, PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null));
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    long before = progress.page(0, 10, null).total();

    SubmissionResult first = applications.submit(shown(id), token, CLIENT);
    SubmissionResult second = applications.submit(shown(id), token, CLIENT);

    assertEquals(first, second);
    assertEquals(before + 1, progress.page(0, 10, null).total());
    List<AuditEntry> submitted =
        audit.forTarget("application:" + id).stream()
            .filter(entry -> entry.getAction().equals("order.submit"))
            .toList();
    assertEquals(1, submitted.size());
    assertEquals(ME, submitted.get(0).getActor());
    BusinessException stale =
        assertThrows(
            BusinessException.class, () -> applications.submit(shown(id), "0".repeat(32), CLIENT));
    assertEquals("application.submit.tokenMismatch", stale.messageKey());
    BusinessException late =
        assertThrows(
            BusinessException.class,
            () ->
                documents.upload(
                    id, DocumentType.APPLICATION_FORM, DocumentUpload.of("late.pdf", PDF), CLIENT));
    assertEquals("application.notDraft", late.messageKey());
  }

  // --- progress -----------------------------------------------------------------------------

  @Test
  void anUnpaidOrderIsCancelledOnceAndAudited() {
    String id = submitted(newKey(true));
    ProgressRow row = progress.latest().orElseThrow();
    assertEquals(id, row.publicId());
    assertTrue(row.cancellable());

    CertificateApplication cancelled = applications.cancel(id, CLIENT);

    assertEquals(ReviewStatus.CANCELLED, cancelled.getReviewStatus());
    assertFalse(progress.page(0, 10, null).rows().get(0).cancellable());
    AuditEntry entry =
        audit.forTarget("application:" + id).stream()
            .filter(e -> e.getAction().equals("order.cancel"))
            .findFirst()
            .orElseThrow();
    assertEquals(ME, entry.getActor());
    assertEquals(CLIENT.remoteAddress(), entry.getRemoteAddress());
    assertTrue(
        entry.getDetails().startsWith("from=AWAITING_PAYMENT, to=CANCELLED"), entry.getDetails());
    BusinessException again =
        assertThrows(BusinessException.class, () -> applications.cancel(id, CLIENT));
    assertEquals("order.stepRefused", again.messageKey());
    assertArrayEquals(new Object[] {"用户已取消", "取消申请"}, again.args());
  }

  @Test
  void aPaidOrderCannotBeCancelled() {
    String id = submitted(newKey(false));
    BusinessException e =
        assertThrows(BusinessException.class, () -> applications.cancel(id, CLIENT));
    assertEquals("order.stepRefused", e.messageKey());
    assertEquals(OrderStatus.AWAITING_REVIEW, applications.findMine(id).orElseThrow().getStatus());
  }

  @Test
  void theProgressGridListsOrdersNewestFirstWithoutDrafts() {
    String older = submitted(newKey(true));
    String newer = submitted(newKey(false));
    step1(newKey(true)); // an open draft is not a row

    ProgressPage page = progress.page(0, 2, null);

    assertEquals(List.of(newer, older), page.rows().stream().map(ProgressRow::publicId).toList());
    assertTrue(page.total() >= 2);
    assertEquals(1, progress.page(1, 1, null).rows().size());
    assertFalse(
        progress.page(0, 100, null).rows().stream().anyMatch(r -> r.status() == OrderStatus.DRAFT));
  }

  @Test
  void anotherApplicantsOrderAndDocumentsGiveNothing() throws SQLException {
    String id = submitted(newKey(true));
    String other = someoneElse();
    handOver(id, other); // as if the other applicant had made it

    assertEquals(Optional.empty(), applications.findMine(id));
    assertEquals(Optional.empty(), documents.read(id, DocumentType.APPLICATION_FORM));
    assertEquals(Optional.empty(), forms.filledApplicationForm(id));
    BusinessException cancel =
        assertThrows(BusinessException.class, () -> applications.cancel(id, CLIENT));
    assertEquals("application.notFound", cancel.messageKey());
    BusinessException slots = assertThrows(BusinessException.class, () -> documents.slots(id));
    assertEquals("application.notFound", slots.messageKey());
    assertFalse(progress.page(0, 100, null).rows().stream().anyMatch(r -> r.publicId().equals(id)));
    assertEquals(Optional.empty(), applications.findMine("AAAAAAAAAAAAAAAA"));
  }

  @Test
  void anApplicantWithoutAStaffRoleCannotUseTheStaffsReadPath() {
    String id = submitted(newKey(true));
    assertThrows(
        EJBAccessException.class, () -> documents.readForStaff(id, DocumentType.APPLICATION_FORM));
    assertThrows(EJBAccessException.class, () -> applications.findForStaff(id));
  }

  @Test
  void theApplicationFormIsFilledWithTheCallersApplicationInChinese() throws Exception {
    String id = step1(newKey(false));
    applications.confirmUserInformation(shown(id));
    applications.savePickup(
        shown(id),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", "放门卫"),
        CLIENT);
    Account me = accounts.find(ME).orElseThrow();

    byte[] pdf = forms.filledApplicationForm(id).orElseThrow();

    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertTrue(text.contains("数字证书申请单"), text);
      assertTrue(text.contains(id), text);
      assertTrue(text.contains(me.getDisplayName()), text);
      assertTrue(text.contains(ME), text);
      assertTrue(text.contains("新办"), text);
    }
    assertEquals(Optional.empty(), forms.filledApplicationForm("AAAAAAAAAAAAAAAA"));
    for (DocumentType type : DocumentType.values()) {
      if (type.hasTemplate()) {
        byte[] template = forms.template(type);
        assertEquals("%PDF-", new String(template, 0, 5, StandardCharsets.US_ASCII), type.name());
      }
    }
  }

  @Test
  void everySeededReferenceRowIsTheManuals() throws SQLException {
    assertEquals(
        sorted(
            ManualCatalogue.handlingPoints().stream()
                .map(p -> p.getCode() + "|" + p.getName() + "|" + p.getAddress())),
        rows("select code || '|' || name || '|' || address from handling_point where not retired"));
    assertEquals(
        sorted(
            ManualCatalogue.pickupOptions().stream()
                .map(
                    o ->
                        o.getServiceType()
                            + "|"
                            + o.isFurtherKey()
                            + "|"
                            + o.getMethod()
                            + "|"
                            + o.getHandlingPoint().getCode())),
        rows(
            "select service_type || '|' || further_key || '|' || pickup_method || '|'"
                + " || handling_point_code from pickup_option where not retired"));
    assertEquals(
        sorted(
            ManualCatalogue.priceEntries().stream()
                .map(
                    e ->
                        e.getServiceType()
                            + "|"
                            + e.isFurtherKey()
                            + "|"
                            + e.getYears()
                            + "|"
                            + e.getAmount().toPlainString())),
        rows(
            "select service_type || '|' || further_key || '|' || years || '|' || amount"
                + " from price_entry where not retired"));
    assertEquals(
        sorted(
            ManualCatalogue.documentRequirementRows().stream()
                .map(
                    r ->
                        r.getUserType()
                            + "|"
                            + r.getServiceType()
                            + "|"
                            + r.getDocumentType()
                            + "|"
                            + r.isRequired())),
        rows(
            "select user_type || '|' || service_type || '|' || document_type || '|' || required"
                + " from document_requirement where not retired"));
  }

  @Test
  void theWizardReadsTheSeededCatalogueInTheManualsOrder() {
    assertEquals(
        ManualCatalogue.handlingPoints().stream().map(HandlingPoint::getCode).toList(),
        catalogue.handlingPoints().stream().map(HandlingPoint::getCode).toList());
    PickupRules manualPickup = ManualCatalogue.pickupRules();
    PickupRules seededPickup = catalogue.pickupRules();
    PriceTable manualPrices = ManualCatalogue.priceTable();
    PriceTable seededPrices = catalogue.priceTable(AccountType.ORGANISATION, LocalDate.now());
    DocumentRequirements manualDocuments = ManualCatalogue.documentRequirements();
    for (ServiceType type : ServiceType.values()) {
      for (boolean furtherKey : List.of(false, true)) {
        String what = type + (furtherKey ? ", further key" : ", first key");
        assertEquals(
            describe(manualPickup.optionsFor(type, furtherKey)),
            describe(seededPickup.optionsFor(type, furtherKey)),
            what);
        List<Integer> years = manualPrices.yearOptions(type, furtherKey);
        assertEquals(years, seededPrices.yearOptions(type, furtherKey), what);
        for (Integer y : type.needsYears() ? years : withoutYears()) {
          assertEquals(
              price(manualPrices, type, furtherKey, y),
              price(seededPrices, type, furtherKey, y),
              what + ", years " + y);
        }
      }
      for (AccountType user : List.of(AccountType.NATURAL_PERSON, AccountType.ORGANISATION)) {
        DocumentRequirements seeded = catalogue.documentRequirements(user, type);
        assertEquals(
            manualDocuments.asked(user, type), seeded.asked(user, type), user + " " + type);
        assertEquals(
            manualDocuments.required(user, type), seeded.required(user, type), user + " " + type);
      }
    }
    // What the manual says in words: 丢失补办 and the first key of 更新+丢失补办 leave 山东聊城 by courier
    // or are collected there, a further key only ships from 宁夏银川, the first 新办 key is free.
    for (ServiceType type : List.of(ServiceType.LOST, ServiceType.RENEW_AND_LOST)) {
      assertEquals(
          List.of("COURIER@SD_LIAOCHENG", "PICKUP@SD_LIAOCHENG"),
          describe(seededPickup.optionsFor(type, false)),
          type.name());
    }
    assertEquals(
        List.of("COURIER@NX_YINCHUAN"),
        describe(seededPickup.optionsFor(ServiceType.RENEW_AND_LOST, true)));
    assertTrue(seededPrices.quote(ServiceType.NEW_OR_REPLACE, false, 1).isFree());
    assertEquals(List.of(), applications.yearOptions(ServiceType.LOST, false));
  }

  // --- helpers ------------------------------------------------------------------------------

  private static AgentDetails agent() {
    return new AgentDetails(
        "测试经办人", TestIdentities.mobile(), IdType.RESIDENT_ID, TestIdentities.residentId());
  }

  private static CertificateInformation newKey(boolean furtherPaidKey) {
    return new CertificateInformation(
        ServiceType.NEW_OR_REPLACE, 1, false, furtherPaidKey, null, null, agent(), true);
  }

  private static CertificateInformation fromKey(ServiceType type, Integer years, String der) {
    return new CertificateInformation(type, years, null, null, null, der, agent(), true);
  }

  private static CertificateInformation fromRegistry(
      ServiceType type, Integer years, String serial) {
    return new CertificateInformation(type, years, null, null, serial, null, agent(), true);
  }

  /**
   * 立即申请; a certificate "read from the key" goes with the key's proof, as the page sends it, over a
   * nonce given for it.
   */
  private String step1(CertificateInformation info) {
    KeyProof proof =
        KeyCertificates.keyOf(info.keyCertificateDerBase64())
            .map(key -> TestKeys.proof(key, applications.keyChallenge()))
            .orElse(null);
    return applications
        .saveCertificateInformation(DraftRef.NONE, info, proof, TestKeys.ORIGIN, CLIENT)
        .getPublicId();
  }

  private void walkToSubmission(String id, PickupDetails pickup) {
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), pickup, CLIENT);
    uploadRequired(id);
  }

  /** A submitted 新办 shipped by courier (first key: free and paid; further key: unpaid). */
  private String submitted(CertificateInformation newKey) {
    String id = step1(newKey);
    walkToSubmission(id, courierInLiaocheng());
    submit(id);
    return id;
  }

  private SubmissionResult submit(String id) {
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    return applications.submit(shown(id), token, CLIENT);
  }

  private void uploadRequired(String id) {
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.required()) {
        documents.upload(
            id, slot.type(), DocumentUpload.of(slot.type().name() + ".pdf", PDF), CLIENT);
      }
    }
  }

  /** A type without 证书年限 has one price, quoted without years. */
  private static List<Integer> withoutYears() {
    return Arrays.asList((Integer) null);
  }

  private static String price(PriceTable table, ServiceType type, boolean furtherKey, Integer y) {
    return table.quote(type, furtherKey, y).amount().toPlainString();
  }

  private static List<String> sorted(Stream<String> rows) {
    return rows.sorted().toList();
  }

  /** The single text column of every row the query returns, sorted. */
  private List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement select = c.prepareStatement(query);
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows.stream().sorted().toList();
  }

  private static List<String> describe(List<PickupOption> options) {
    return options.stream().map(o -> o.getMethod() + "@" + o.getHandlingPoint().getCode()).toList();
  }

  private String someoneElse() {
    String id = TestIdentities.residentId();
    accounts.registerPerson(TestIdentities.person(accounts, "其他申请人", id), CLIENT);
    return id;
  }

  /** A certificate of the caller in the registry, as the CA would have recorded it. */
  private String registryCertificate(LocalDateTime notBefore, LocalDateTime notAfter)
      throws SQLException {
    try (Connection c = database.getConnection()) {
      return new RegistryRow(
              ME,
              "serialNumber=" + ME + ",CN=测试申请人,C=CN",
              notBefore,
              notAfter,
              null,
              Base64.getDecoder().decode(KeyCertificates.EXPIRED))
          .insertInto(c);
    }
  }

  /**
   * The caller's orders and registry certificates, as if someone else had them: each test starts as
   * an applicant who has not had a key yet.
   */
  private void handEverythingToSomeoneElse() throws SQLException {
    String archive = TestIdentities.residentId();
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
        update.setString(2, ME);
        update.executeUpdate();
      }
    }
  }

  /** 驳回 by a reviewer (the review screens are a later issue): the decision and the status. */
  private void reject(String publicId) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement decision =
            c.prepareStatement(
                "insert into review_decision (id, application_id, round, stage, decision, opinion,"
                    + " reviewer, decided_at) select nextval('review_decision_seq'), id, 1, 1,"
                    + " 'REJECT', '资料不清晰', 'reviewer', now() from certificate_application"
                    + " where public_id = ?");
        PreparedStatement update =
            c.prepareStatement(
                "update certificate_application set status = 'REJECTED' where public_id = ?")) {
      decision.setString(1, publicId);
      assertEquals(1, decision.executeUpdate());
      update.setString(1, publicId);
      assertEquals(1, update.executeUpdate());
    }
  }

  private void handOver(String publicId, String newOwner) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ? where public_id = ?")) {
      update.setString(1, newOwner);
      update.setString(2, publicId);
      assertEquals(1, update.executeUpdate());
    }
  }

  /** The draft as a page that reads it now shows it. */
  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }

  /** 邮寄 to an address in 聊城, the handling point of most tests. */
  private static PickupDetails courierInLiaocheng() {
    return PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", null);
  }
}
