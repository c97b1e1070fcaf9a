package cn.cwca.portal.it.review;

import static cn.cwca.portal.it.review.ReviewCallerMechanism.APPLICANT;
import static cn.cwca.portal.it.review.ReviewCallerMechanism.REVIEWER;
import static cn.cwca.portal.it.review.ReviewCallerMechanism.SECOND_REVIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.application.PaymentStatus;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.application.ReviewStatus;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.ApprovedSubject;
import cn.cwca.portal.certificate.CertificateSubjects;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.it.LegacyCa;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestIdentities;
import cn.cwca.portal.it.TestKeys;
import cn.cwca.portal.it.WhileATransactionIsOpen;
import cn.cwca.portal.it.application.SampleDocuments;
import cn.cwca.portal.it.application.SubmittedOrders;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import cn.cwca.portal.progress.ReviewOpinion;
import cn.cwca.portal.review.DecisionOutcome;
import cn.cwca.portal.review.OrderReview;
import cn.cwca.portal.review.ReviewClaim;
import cn.cwca.portal.review.ReviewQueueFilter;
import cn.cwca.portal.review.ReviewQueuePage;
import cn.cwca.portal.review.ReviewQueueRow;
import cn.cwca.portal.review.ReviewService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 审核 through the real services and PostgreSQL: the reviewers' queue and its filters, claims (two
 * reviewers at once, one that ran out), 通过 with the subject recorded, 驳回 with 审核意见 and the
 * applicant's correction and resubmission, the second approval of a change of subject by another
 * reviewer, the audit trail, and the roles. Each test starts as the applicant {@link
 * ReviewCallerMechanism#APPLICANT}, with no orders of the applicant or of the reviewer left from
 * earlier tests (handed to someone else), and switches to {@link ReviewCallerMechanism#REVIEWER}
 * (an applicant who reviews) or {@link ReviewCallerMechanism#SECOND_REVIEWER} where it says so
 * ({@link #as}).
 */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.83");
  private static final String APPLICANT_NAME = "审核测试申请人";
  private static final String REVIEWER_NAME = "审核员兼申请人";
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        ReviewIT.class,
        ReviewCallerMechanism.class,
        cn.cwca.portal.it.SwitchingCallers.class,
        SubmittedOrders.class,
        SampleDocuments.class,
        LegacyCa.class,
        TestIdentities.class,
        TestKeys.class,
        WhileATransactionIsOpen.class,
        WhileATransactionIsOpen.Work.class);
  }

  @EJB ReviewService reviews;
  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB InvoiceService invoices;
  @EJB ProgressService progress;
  @EJB AccountService accounts;
  @EJB AuditLog audit;
  @EJB Orders orders;
  @EJB OrderSteps steps;

  @Inject UserTransaction tx;
  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  private SubmittedOrders submitted;

  /**
   * The applicant and the reviewing applicant have their accounts as registered, no open draft and
   * no orders (earlier tests' are handed to someone else, who has no account: they leave the
   * queue), so that the queue filtered by their codes holds only what the test makes.
   */
  @BeforeEach
  void applicantsHaveAccountsAndNoOrders() throws SQLException {
    for (String applicant : List.of(APPLICANT, REVIEWER)) {
      String name = applicant.equals(APPLICANT) ? APPLICANT_NAME : REVIEWER_NAME;
      Optional<Account> account = accounts.find(applicant);
      if (account.isEmpty()) {
        accounts.registerPerson(TestIdentities.person(accounts, name, applicant), CLIENT);
      } else if (!account.get().getDisplayName().equals(name)) {
        // A run that stopped inside the profile-edit test left another name behind.
        as(applicant);
        Account a = account.get();
        accounts.updateProfile(
            ProfileUpdate.of(a), new ProfileUpdate(name, a.getMobile(), null), CLIENT);
      }
      handEverythingToSomeoneElse(applicant);
    }
    as(APPLICANT);
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    submitted = new SubmittedOrders(applications, documents, CLIENT, invoices);
  }

  // --- the queue -------------------------------------------------------------------------------

  @Test
  void theQueueShowsThePaidOrderNotTheUnpaidOneAndItsFiltersWork() {
    String unpaid = submitted.awaitingPayment();
    String paid = paidOrder();
    LocalDate today = LocalDate.now(BEIJING);

    as(REVIEWER);
    ReviewQueuePage mine = reviews.queue(byCode(APPLICANT), 0, 100);
    assertEquals(List.of(paid), ids(mine), "the paid order only");
    assertEquals(1, mine.total());
    assertTrue(mine.totalExact(), "a short queue is counted exactly");
    ReviewQueueRow row = mine.rows().get(0);
    assertEquals(AccountType.NATURAL_PERSON, row.userType());
    assertEquals(APPLICANT_NAME, row.applicantName());
    assertEquals(APPLICANT, row.applicantCode());
    assertEquals(ServiceType.NEW_OR_REPLACE, row.serviceType());
    assertEquals(1, row.years());
    assertEquals("宁夏银川办理点", row.handlingPointName(), "a further key leaves 银川");
    assertEquals(PickupMethod.COURIER, row.pickupMethod());
    assertEquals(0, new BigDecimal("300.00").compareTo(row.price()));
    assertEquals(OrderStatus.AWAITING_REVIEW, row.status());
    assertEquals(1, row.round());
    assertEquals(1, row.stage());
    assertNull(row.claimedBy());
    assertFalse(row.claimActive());
    assertFalse(ids(mine).contains(unpaid), "unpaid: not reviewed");

    assertEquals(
        List.of(paid),
        ids(reviews.queue(byCode(APPLICANT.substring(0, 17).toLowerCase(Locale.ROOT)), 0, 100)),
        "the start of the code");
    assertEquals(
        List.of(paid),
        ids(reviews.queue(byCode(APPLICANT.toLowerCase(Locale.ROOT)), 0, 100)),
        "the code in any case");
    assertEquals(List.of(paid), ids(reviews.queue(byText("审核测试申"), 0, 100)), "part of the name");
    assertTrue(find(byText("审核测试申"), paid).isPresent());
    assertTrue(reviews.queue(byCode(APPLICANT.substring(1)), 0, 100).rows().isEmpty(), "a prefix");
    assertTrue(reviews.queue(byText("' OR '1'='1"), 0, 100).rows().isEmpty());
    assertTrue(reviews.queue(byText("%"), 0, 100).rows().isEmpty(), "% is no wildcard");
    assertEquals(List.of(paid), ids(queue(ServiceType.NEW_OR_REPLACE, null, null, null, null)));
    assertEquals(List.of(), ids(queue(ServiceType.CHANGE, null, null, null, null)));
    assertEquals(List.of(paid), ids(queue(null, AccountType.NATURAL_PERSON, null, null, null)));
    assertEquals(List.of(), ids(queue(null, AccountType.ORGANISATION, null, null, null)));
    assertEquals(List.of(paid), ids(queue(null, null, "NX_YINCHUAN", null, null)));
    assertEquals(List.of(), ids(queue(null, null, "SD_LIAOCHENG", null, null)));
    assertEquals(List.of(paid), ids(queue(null, null, null, today, today)), "submitted today");
    assertEquals(List.of(), ids(queue(null, null, null, today.plusDays(1), null)));
    assertEquals(List.of(), ids(queue(null, null, null, null, today.minusDays(1))));

    as(SECOND_REVIEWER);
    assertEquals(List.of(paid), ids(reviews.queue(byCode(APPLICANT), 0, 100)));
  }

  @Test
  void aReviewerNeverReviewsTheirOwnOrder() {
    as(REVIEWER);
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    String own = new SubmittedOrders(applications, documents, CLIENT, invoices).awaitingPayment();
    pay(own);

    assertTrue(reviews.queue(byCode(REVIEWER), 0, 100).rows().isEmpty(), "not in their queue");
    assertEquals("review.ownOrder", refusal(() -> reviews.claim(own, CLIENT)));
    OrderReview view = reviews.review(own).orElseThrow();
    assertFalse(view.claimable());
    assertEquals("review.ownOrder", view.refusalKey());

    as(SECOND_REVIEWER);
    assertEquals(List.of(own), ids(reviews.queue(byCode(REVIEWER), 0, 100)), "another's queue");
  }

  // --- claims ----------------------------------------------------------------------------------

  @Test
  void twoReviewersClaimingAtOnceOneGetsIt() throws Exception {
    String id = paidOrder();

    as(REVIEWER);
    Future<String> second =
        WhileATransactionIsOpen.run(
            tx,
            executor,
            () -> {
              reviews.claim(id, CLIENT);
              as(SECOND_REVIEWER); // the second claim is the second reviewer's
            },
            () -> {
              try {
                return reviews.claim(id, CLIENT).reviewer();
              } catch (BusinessException refused) {
                return refused.messageKey();
              }
            });

    assertEquals("review.claimedByOther", second.get(10, TimeUnit.SECONDS));
    as(SECOND_REVIEWER);
    OrderReview view = reviews.review(id).orElseThrow();
    assertEquals(REVIEWER, view.claim().claimedBy());
    assertTrue(view.claim().heldByOther());
    assertFalse(view.claimable());
    BusinessException held = assertThrows(BusinessException.class, () -> reviews.claim(id, CLIENT));
    assertEquals("review.claimedByOther", held.messageKey());
    String text = MessageFormat.format(Messages.text(held.messageKey()), held.args());
    assertTrue(text.contains(REVIEWER), "names who holds it: " + text);
    assertEquals("review.claimedByOther", refusal(() -> reviews.approve(id, null, CLIENT)));
    assertEquals(1, audited(id, "review.claimed").size());
    assertEquals(REVIEWER, audited(id, "review.claimed").get(0).getActor());
  }

  @Test
  void aClaimThatRanOutIsTakenOverAndTheFormerHolderNoLongerDecides() throws SQLException {
    String id = paidOrder();

    as(REVIEWER);
    ReviewClaim claim = reviews.claim(id, CLIENT);
    assertEquals(REVIEWER, claim.reviewer());
    assertTrue(claim.until().isAfter(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5)));
    ReviewClaim renewed = reviews.renewClaim(id);
    assertFalse(renewed.until().isBefore(claim.until()), "activity renews it");
    assertTrue(reviews.review(id).orElseThrow().decidable());

    claimRunsOut(id);

    as(SECOND_REVIEWER);
    ReviewQueueRow row = find(byCode(APPLICANT), id).orElseThrow();
    assertFalse(row.claimActive(), "ran out");
    assertTrue(reviews.review(id).orElseThrow().claimable());
    assertEquals(SECOND_REVIEWER, reviews.claim(id, CLIENT).reviewer());

    as(REVIEWER);
    assertEquals("review.claimLost", refusal(() -> reviews.renewClaim(id)));
    assertEquals("review.claimedByOther", refusal(() -> reviews.reject(id, "不清晰", CLIENT)));
    assertFalse(reviews.review(id).orElseThrow().decidable());
    reviews.release(id, CLIENT); // not theirs: changes nothing

    as(SECOND_REVIEWER);
    assertEquals(SECOND_REVIEWER, reviews.review(id).orElseThrow().claim().claimedBy());
    List<AuditEntry> claims = audited(id, "review.claimed");
    assertEquals(2, claims.size());
    assertTrue(
        claims.stream()
            .anyMatch(
                e ->
                    e.getActor().equals(SECOND_REVIEWER)
                        && e.getDetails().contains("takenOverFrom=" + REVIEWER)),
        "the take-over names the former holder");

    reviews.release(id, CLIENT);
    assertNull(reviews.review(id).orElseThrow().claim().claimedBy());
    assertEquals(1, audited(id, "review.released").size());
    assertEquals("review.claimRequired", refusal(() -> reviews.approve(id, null, CLIENT)));
  }

  // --- 通过 ------------------------------------------------------------------------------------

  @Test
  void anApprovalRecordsTheSubjectWhichALaterProfileEditDoesNotChange() throws SQLException {
    String id = paidOrder();

    as(REVIEWER);
    OrderReview before = reviews.review(id).orElseThrow();
    assertFalse(before.subjectRecorded());
    assertEquals(APPLICANT_NAME, before.subject().name());
    assertEquals(APPLICANT_NAME, before.applicant().name());
    assertTrue(before.documents().size() >= 3, "the uploaded documents are listed");
    assertEquals("宁夏银川办理点", before.order().handlingPointName());
    assertNotNull(before.order().agentName());
    reviews.claim(id, CLIENT);

    DecisionOutcome outcome = reviews.approve(id, "资料齐全", CLIENT);

    assertEquals(new DecisionOutcome(id, OrderStatus.APPROVED, 1, 1), outcome);
    OrderReview after = reviews.review(id).orElseThrow();
    assertTrue(after.subjectRecorded());
    assertFalse(after.decidable());
    assertNull(after.claim().claimedBy(), "the decision ends the claim");
    assertNotNull(after.order().approvedAt());
    assertEquals(List.of("1:1:APPROVE:" + REVIEWER + ":资料齐全"), decisions(id));
    AuditEntry approved = audited(id, "order.approve").get(0);
    assertEquals(REVIEWER, approved.getActor());
    assertTrue(approved.getDetails().contains("round=1, stage=1"), approved.getDetails());
    assertTrue(approved.getDetails().contains("subject=" + APPLICANT_NAME), approved.getDetails());

    as(APPLICANT);
    CertificateApplication order = applications.findMine(id).orElseThrow();
    assertEquals(OrderStatus.APPROVED, order.getStatus());
    ApprovedSubject subject = order.getApprovedSubject();
    assertEquals(
        new ApprovedSubject(
            APPLICANT_NAME,
            ApprovedSubject.CodeType.RESIDENT_ID,
            APPLICANT,
            null,
            TestIdentities.DIVISION,
            "山东省",
            "聊城市"),
        subject);
    assertEquals(APPLICANT, CertificateSubjects.of(subject).idNumber());

    Account me = accounts.find(APPLICANT).orElseThrow();
    try {
      accounts.updateProfile(
          ProfileUpdate.of(me), new ProfileUpdate("改过的姓名", me.getMobile(), null), CLIENT);

      assertEquals(subject, applications.findMine(id).orElseThrow().getApprovedSubject());
      as(REVIEWER);
      assertEquals(subject, reviews.review(id).orElseThrow().subject(), "as recorded");
      assertEquals("改过的姓名", reviews.review(id).orElseThrow().applicant().name());
    } finally {
      as(APPLICANT);
      Account changed = accounts.find(APPLICANT).orElseThrow();
      accounts.updateProfile(
          ProfileUpdate.of(changed),
          new ProfileUpdate(APPLICANT_NAME, changed.getMobile(), null),
          CLIENT);
    }
    assertEquals(List.of(APPLICANT_NAME), subjectNames(id));
  }

  // --- 驳回, correction and resubmission -------------------------------------------------------

  @Test
  void aRejectionNeedsAnOpinion() throws SQLException {
    String id = paidOrder();

    as(REVIEWER);
    reviews.claim(id, CLIENT);
    assertEquals("review.opinionRequired", refusal(() -> reviews.reject(id, null, CLIENT)));
    assertEquals("review.opinionRequired", refusal(() -> reviews.reject(id, " \n ", CLIENT)));
    assertEquals(
        "review.opinionTooLong", refusal(() -> reviews.reject(id, "意".repeat(501), CLIENT)));

    OrderReview view = reviews.review(id).orElseThrow();
    assertEquals(OrderStatus.AWAITING_REVIEW, view.order().status(), "nothing changed");
    assertTrue(view.decidable(), "still the reviewer's");
    assertEquals(List.of(), decisions(id));
    assertTrue(audited(id, "order.reject").isEmpty());
  }

  @Test
  void aRejectedOrderIsCorrectedAndResubmittedWithoutPayingAgainAndReviewedInItsNextRound()
      throws SQLException {
    String id = paidOrder();
    BigDecimal price = applications.findMine(id).orElseThrow().getPrice();

    as(REVIEWER);
    String reason = reviews.rejectReasons().get(0);
    assertEquals("营业执照不清晰", reason);
    reviews.claim(id, CLIENT);
    DecisionOutcome rejected = reviews.reject(id, reason, CLIENT);
    assertEquals(new DecisionOutcome(id, OrderStatus.REJECTED, 1, 1), rejected);
    assertTrue(find(byCode(APPLICANT), id).isEmpty(), "no longer waiting for review");

    as(APPLICANT);
    ProgressRow row = progressRow(id);
    assertEquals(ReviewStatus.REJECTED, row.reviewStatus());
    assertEquals(reason, row.reviewOpinion(), "进度查询 shows 审核意见");
    assertTrue(row.resubmittable());
    assertFalse(row.payable());
    List<ReviewOpinion> opinions = progress.reviewOpinions(id);
    assertEquals(1, opinions.size());
    assertTrue(opinions.get(0).rejected());
    assertEquals(reason, opinions.get(0).opinion());

    documents.upload(
        id,
        DocumentType.AGENT_ID_COPY,
        DocumentUpload.of("身份证正反面.png", SampleDocuments.PNG),
        CLIENT);
    documents.delete(id, DocumentType.APPLICATION_FORM, CLIENT);
    assertEquals("application.document.missing", refusal(() -> applications.resubmit(id, CLIENT)));
    documents.upload(
        id,
        DocumentType.APPLICATION_FORM,
        DocumentUpload.of("申请单.pdf", SampleDocuments.PDF),
        CLIENT);

    CertificateApplication again = applications.resubmit(id, CLIENT);

    assertEquals(OrderStatus.AWAITING_REVIEW, again.getStatus());
    assertEquals(PaymentStatus.PAID, again.getPaymentStatus(), "no second payment");
    assertFalse(again.isPayable());
    assertEquals(0, price.compareTo(again.getPrice()));
    assertEquals(2, again.getReviewRound());
    assertEquals(0, payments(id), "no payment was started");
    assertEquals(ReviewStatus.PENDING, progressRow(id).reviewStatus());
    assertNull(progressRow(id).reviewOpinion(), "the new round has no 审核意见 yet");
    assertFalse(progressRow(id).resubmittable());
    assertEquals("order.stepRefused", refusal(() -> applications.resubmit(id, CLIENT)));
    assertEquals(
        "application.notDraft",
        refusal(
            () ->
                documents.upload(
                    id,
                    DocumentType.AGENT_ID_COPY,
                    DocumentUpload.of("x.png", SampleDocuments.PNG),
                    CLIENT)),
        "in review again: the documents are fixed");
    AuditEntry resubmission = audited(id, "order.resubmit").get(0);
    assertEquals(APPLICANT, resubmission.getActor());
    assertTrue(resubmission.getDetails().contains("round=2"), resubmission.getDetails());
    assertEquals(
        "image/png",
        documents.read(id, DocumentType.AGENT_ID_COPY).orElseThrow().contentType(),
        "the replaced document");

    as(REVIEWER);
    ReviewQueueRow queued = find(byCode(APPLICANT), id).orElseThrow();
    assertEquals(2, queued.round());
    assertEquals(1, queued.stage());
    OrderReview view = reviews.review(id).orElseThrow();
    assertEquals(1, view.earlierRounds().size());
    assertEquals(reason, view.earlierRounds().get(0).opinion());
    reviews.claim(id, CLIENT);
    assertEquals(
        new DecisionOutcome(id, OrderStatus.APPROVED, 2, 1), reviews.approve(id, null, CLIENT));
    assertEquals(
        List.of("1:1:REJECT:" + REVIEWER + ":" + reason, "2:1:APPROVE:" + REVIEWER + ":-"),
        decisions(id));
    assertEquals(1, audited(id, "order.reject").size());
    assertEquals(1, audited(id, "order.approve").size());
  }

  @Test
  void aRejectedFreeFirstKeyOrderIsNotResubmittedOnceAnotherOrderTookTheFreeKey() {
    as(APPLICANT);
    String first = submitted.free();
    assertEquals(
        OrderStatus.AWAITING_REVIEW, applications.findMine(first).orElseThrow().getStatus());

    as(REVIEWER);
    reviews.claim(first, CLIENT);
    reviews.reject(first, "申请单未盖公章", CLIENT);

    as(APPLICANT);
    String second = submitted.free(); // a rejected order holds no free key
    assertEquals("application.firstKeyTaken", refusal(() -> applications.resubmit(first, CLIENT)));
    assertEquals(OrderStatus.REJECTED, applications.findMine(first).orElseThrow().getStatus());

    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    as(REVIEWER);
    reviews.claim(second, CLIENT);
    reviews.reject(second, "申请单未盖公章", CLIENT);
    as(APPLICANT);
    assertEquals(
        OrderStatus.AWAITING_REVIEW,
        applications.resubmit(first, CLIENT).getStatus(),
        "the free key is the applicant's again");
  }

  // --- the second approval of a change of subject ----------------------------------------------

  @Test
  void aChangeOfSubjectIsApprovedByTwoReviewersAndTheFirstCannotGiveTheSecond()
      throws SQLException {
    String id = paidChangeOrder();

    as(REVIEWER);
    assertEquals(ServiceType.CHANGE, find(byCode(APPLICANT), id).orElseThrow().serviceType());
    assertTrue(reviews.review(id).orElseThrow().secondApproval());
    reviews.claim(id, CLIENT);
    DecisionOutcome first = reviews.approve(id, "初审通过", CLIENT);
    assertEquals(new DecisionOutcome(id, OrderStatus.AWAITING_SECOND_REVIEW, 1, 1), first);
    assertTrue(first.awaitsSecondApproval());
    assertFalse(reviews.review(id).orElseThrow().subjectRecorded(), "approved once only");

    assertTrue(find(byCode(APPLICANT), id).isEmpty(), "not in the first approver's queue");
    assertEquals("review.secondApprovalSameReviewer", refusal(() -> reviews.claim(id, CLIENT)));
    assertEquals(
        "review.secondApprovalSameReviewer", refusal(() -> reviews.approve(id, null, CLIENT)));
    OrderReview seenByFirst = reviews.review(id).orElseThrow();
    assertEquals("review.secondApprovalSameReviewer", seenByFirst.refusalKey());
    assertEquals(REVIEWER, seenByFirst.firstApprover());

    as(SECOND_REVIEWER);
    ReviewQueueRow row = find(byCode(APPLICANT), id).orElseThrow();
    assertEquals(2, row.stage());
    assertEquals(OrderStatus.AWAITING_SECOND_REVIEW, row.status());
    assertEquals(
        List.of(id),
        ids(
            reviews.queue(
                new ReviewQueueFilter(ServiceType.CHANGE, null, null, null, null, APPLICANT),
                0,
                100)));
    reviews.claim(id, CLIENT);
    DecisionOutcome second = reviews.approve(id, "复核通过", CLIENT);

    assertEquals(new DecisionOutcome(id, OrderStatus.APPROVED, 1, 2), second);
    assertTrue(reviews.review(id).orElseThrow().subjectRecorded());
    assertEquals(
        List.of("1:1:APPROVE:" + REVIEWER + ":初审通过", "1:2:APPROVE:" + SECOND_REVIEWER + ":复核通过"),
        decisions(id));
    assertEquals(REVIEWER, audited(id, "order.first_approve").get(0).getActor());
    assertEquals(SECOND_REVIEWER, audited(id, "order.approve").get(0).getActor());
  }

  @Test
  void theSecondReviewerMayRejectAndTheResubmittedOrderStartsAgainAtTheFirstStage()
      throws SQLException {
    String id = paidChangeOrder();

    as(REVIEWER);
    reviews.claim(id, CLIENT);
    reviews.approve(id, null, CLIENT);

    as(SECOND_REVIEWER);
    reviews.claim(id, CLIENT);
    assertEquals(
        new DecisionOutcome(id, OrderStatus.REJECTED, 1, 2),
        reviews.reject(id, "资料与账户信息不一致", CLIENT));

    as(APPLICANT);
    assertEquals("资料与账户信息不一致", progressRow(id).reviewOpinion());
    applications.resubmit(id, CLIENT);

    as(REVIEWER);
    ReviewQueueRow row = find(byCode(APPLICANT), id).orElseThrow();
    assertEquals(2, row.round());
    assertEquals(1, row.stage(), "a new round starts with the first approval");
    assertEquals(
        List.of("1:1:APPROVE:" + REVIEWER + ":-", "1:2:REJECT:" + SECOND_REVIEWER + ":资料与账户信息不一致"),
        decisions(id));
  }

  // --- who may do what -------------------------------------------------------------------------

  @Test
  void anApplicantWithoutTheReviewerRoleCannotReview() {
    String id = paidOrder();

    assertThrows(EJBAccessException.class, () -> reviews.queue(ReviewQueueFilter.NONE, 0, 10));
    assertThrows(EJBAccessException.class, () -> reviews.review(id));
    assertThrows(EJBAccessException.class, () -> reviews.claim(id, CLIENT));
    assertThrows(EJBAccessException.class, () -> reviews.renewClaim(id));
    assertThrows(EJBAccessException.class, () -> reviews.release(id, CLIENT));
    assertThrows(EJBAccessException.class, () -> reviews.approve(id, null, CLIENT));
    assertThrows(EJBAccessException.class, () -> reviews.reject(id, "驳回", CLIENT));
    assertThrows(EJBAccessException.class, () -> reviews.rejectReasons());
    assertTrue(audited(id, "review.claimed").isEmpty());

    as(SECOND_REVIEWER);
    assertThrows(EJBAccessException.class, () -> applications.resubmit(id, CLIENT));
    assertEquals("application.notFound", refusal(() -> reviews.claim("AAAAAAAAAAAAAAAA", CLIENT)));
    assertTrue(reviews.review("AAAAAAAAAAAAAAAA").isEmpty());
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Makes {@code caller} the caller of the rest of this test. */
  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        ReviewCallerMechanism.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  /** A 新办 of a further key of the applicant, paid: waits for review. */
  private String paidOrder() {
    as(APPLICANT);
    String id = submitted.awaitingPayment();
    pay(id);
    return id;
  }

  /**
   * A 变更 of the applicant, paid: the certificate "read from the key" was issued by the earlier CA
   * the server recognises, to the applicant's ID number under a former name.
   */
  private String paidChangeOrder() {
    as(APPLICANT);
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
    KeyPair key = TestKeys.p256();
    String certificate =
        LegacyCa.issue(
            "SERIALNUMBER=" + APPLICANT + ",CN=原姓名,C=CN",
            key.getPublic(),
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2049-08-23T00:00:00Z"));
    String id =
        applications
            .saveCertificateInformation(
                DraftRef.NONE,
                new CertificateInformation(
                    ServiceType.CHANGE,
                    null,
                    null,
                    null,
                    null,
                    certificate,
                    new AgentDetails(
                        "测试经办人",
                        TestIdentities.mobile(),
                        IdType.RESIDENT_ID,
                        TestIdentities.residentId()),
                    true),
                TestKeys.proof(key.getPrivate(), applications.keyChallenge()),
                TestKeys.ORIGIN,
                CLIENT)
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
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    applications.submit(shown(id), token, CLIENT);
    pay(id);
    return id;
  }

  /** The payment is confirmed, as a provider's notification would confirm it. */
  private void pay(String publicId) {
    try {
      tx.begin();
      try {
        CertificateApplication order = orders.lockSubmitted(publicId).orElseThrow();
        steps.take(order, OrderEvent.PAY, "system", ClientInfo.system(), "test");
        tx.commit();
      } catch (Exception e) {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
          tx.rollback();
        }
        throw e;
      }
    } catch (Exception e) {
      throw new IllegalStateException("paying " + publicId, e);
    }
    assertEquals(OrderStatus.AWAITING_REVIEW, orders.submitted(publicId).orElseThrow().getStatus());
  }

  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }

  private ProgressRow progressRow(String id) {
    return progress.page(0, 100, null).rows().stream()
        .filter(r -> r.publicId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static ReviewQueueFilter byCode(String code) {
    return new ReviewQueueFilter(null, null, null, null, null, code);
  }

  private static ReviewQueueFilter byText(String text) {
    return new ReviewQueueFilter(null, null, null, null, null, text);
  }

  /** The queue of the applicant's orders (by their code) with the other filters given. */
  private ReviewQueuePage queue(
      ServiceType type, AccountType userType, String point, LocalDate from, LocalDate to) {
    return reviews.queue(new ReviewQueueFilter(type, userType, point, from, to, APPLICANT), 0, 100);
  }

  private static List<String> ids(ReviewQueuePage page) {
    return page.rows().stream().map(ReviewQueueRow::publicId).toList();
  }

  /** The order's row in the caller's queue with the filter, reading it a page at a time. */
  private Optional<ReviewQueueRow> find(ReviewQueueFilter filter, String id) {
    int first = 0;
    while (true) {
      ReviewQueuePage page = reviews.queue(filter, first, 100);
      Optional<ReviewQueueRow> row =
          page.rows().stream().filter(r -> r.publicId().equals(id)).findFirst();
      if (row.isPresent() || page.rows().isEmpty() || first + page.rows().size() >= page.total()) {
        return row;
      }
      first += page.rows().size();
    }
  }

  /** A service call that is refused. */
  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  private static String refusal(Call call) {
    return assertThrows(BusinessException.class, call::run).messageKey();
  }

  private List<AuditEntry> audited(String publicId, String action) {
    return audit.forTarget("application:" + publicId).stream()
        .filter(e -> e.getAction().equals(action))
        .toList();
  }

  /** round:stage:decision:reviewer:opinion (- for none) of the order's decisions, in order. */
  private List<String> decisions(String publicId) throws SQLException {
    return rows(
        "select d.round || ':' || d.stage || ':' || d.decision || ':' || d.reviewer || ':'"
            + " || coalesce(d.opinion, '-') from review_decision d"
            + " join certificate_application a on a.id = d.application_id"
            + " where a.public_id = ? order by d.round, d.stage",
        publicId);
  }

  /** The subject name recorded with the order, as the database holds it. */
  private List<String> subjectNames(String publicId) throws SQLException {
    return rows("select subject_name from certificate_application where public_id = ?", publicId);
  }

  /** How many payments were started for the order. */
  private int payments(String publicId) throws SQLException {
    return Integer.parseInt(
        rows(
                "select count(*) from payment p join certificate_application a"
                    + " on a.id = p.application_id where a.public_id = ?",
                publicId)
            .get(0));
  }

  /** The claim on the order ran out a minute ago. */
  private void claimRunsOut(String publicId) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update certificate_application set claimed_until = ? where public_id = ?")) {
      p.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1));
      p.setString(2, publicId);
      assertEquals(1, p.executeUpdate());
    }
  }

  /** Hands the applicant's orders to someone without an account: they leave the queue. */
  private void handEverythingToSomeoneElse(String applicant) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ?"
                    + " where owner_login_name = ? and status <> 'DRAFT'")) {
      p.setString(1, TestIdentities.residentId());
      p.setString(2, applicant);
      p.executeUpdate();
    }
  }

  private List<String> rows(String query, String parameter) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement select = c.prepareStatement(query)) {
      select.setString(1, parameter);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
    }
    return rows;
  }
}
