package cn.cwca.portal.review;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.ApprovedSubject;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateSubjects;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.document.DocumentInfo;
import cn.cwca.portal.document.DocumentStore;
import cn.cwca.portal.review.ReviewDecision.Decision;
import cn.cwca.portal.rules.AdministrativeDivisions;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 审核 (user manual 4.2: only a paid order is reviewed): the reviewers' queue of the orders waiting
 * for review, their claims (领取) so that two reviewers never work on one order, the review view of
 * an order, and the decisions 通过 and 驳回 with 审核意见.
 *
 * <p>A decision is recorded for the order's current round (one more after each resubmission) and
 * stage (2 for the second approval the {@link ReviewPolicy} of its service type may ask for, which
 * only another reviewer than the first approver gives), together with the order's step through
 * {@link OrderSteps} (audited), on the order locked first, in one transaction: a decision never
 * applies twice ({@code review_decision (application_id, round, stage)} is unique as well). When
 * the order becomes approved, the subject its certificate will carry is recorded with it ({@link
 * ApprovedSubject}).
 *
 * <p>Reviewers ({@code REVIEWER}) only; nobody reviews their own order.
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("REVIEWER")
public class ReviewService {

  /** Audit actions of the claims (target {@code application:<申请ID>}); decisions are steps. */
  static final String CLAIMED = "review.claimed";

  static final String RELEASED = "review.released";

  /** Largest page of the queue. */
  static final int MAX_PAGE_SIZE = 100;

  /** The queue is paged up to this row (deeper pages are narrowed by the filters instead). */
  static final int MAX_FIRST = 10_000;

  /** How many of the applicant's other orders the review view lists. */
  static final int EARLIER_ORDERS = 20;

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject OrderSteps steps;

  @Inject AuditLog audit;

  @Inject AccountService accounts;

  @Inject CertificateRegistry registry;

  @Inject DocumentStore documents;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  // ===== the queue =============================================================================

  /**
   * A page of the orders waiting for the caller's review, oldest submission first, with the filter,
   * and their total: paid orders waiting for review, and those waiting for a second approval whose
   * first approval the caller did not give; never the caller's own. The total is exact up to the
   * end of the thousand the page ends in (1,000 for the first pages), a lower bound beyond it
   * ({@link ReviewQueuePage#totalExact()}); see {@link ReviewQueueQuery}.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ReviewQueuePage queue(ReviewQueueFilter filter, int first, int pageSize) {
    String me = callerName();
    int from = Math.max(0, Math.min(first, MAX_FIRST));
    int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    ReviewQueueQuery query = ReviewQueueQuery.of(filter, me);
    int countedUpTo = ReviewQueueQuery.countedUpTo(from, size);
    ReviewQueueQuery.Sql count = query.count(countedUpTo + 1);
    long counted =
        ((Number) count.bind(em.createNativeQuery(count.text())).getSingleResult()).longValue();
    boolean exact = counted <= countedUpTo;
    long total = exact ? counted : countedUpTo;
    if (total <= from) {
      return new ReviewQueuePage(List.of(), total, exact);
    }
    ReviewQueueQuery.Sql select = query.page(from, size);
    @SuppressWarnings("unchecked")
    List<Object[]> page = select.bind(em.createNativeQuery(select.text())).getResultList();
    Map<String, String> names =
        applicantNames(page.stream().map(r -> (String) r[2]).distinct().toList());
    LocalDateTime now = now();
    return new ReviewQueuePage(
        page.stream().map(r -> row(r, names.get((String) r[2]), me, now)).toList(), total, exact);
  }

  /** The preset reasons of 驳回, in menu order (the reviewer may also write one). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> rejectReasons() {
    return ReviewOpinions.PRESET_REASON_KEYS.stream().map(Messages::text).toList();
  }

  // ===== claims ================================================================================

  /**
   * 领取: the caller claims an order waiting for review, for {@code caportal.review.claimMinutes} (30
   * by default) from now; claiming one the caller holds renews the claim. A claim that ran out is
   * taken over. Two reviewers claiming at once are served one after the other: one gets it.
   *
   * @throws BusinessException {@code application.notFound}; {@code review.notAwaiting}; {@code
   *     review.ownOrder}; {@code review.secondApprovalSameReviewer}; {@code review.claimedByOther}
   *     naming who holds it and until when
   */
  public ReviewClaim claim(String publicId, ClientInfo c) {
    String me = callerName();
    LocalDateTime now = now();
    CertificateApplication a = locked(publicId);
    ReviewStages.requireMayReview(a.getStatus(), a.getOwnerLoginName(), me, firstApprover(a));
    ReviewClaims.Holding holding =
        ReviewClaims.holding(a.getClaimedBy(), a.getClaimedUntil(), me, now);
    if (holding == ReviewClaims.Holding.OTHERS) {
      throw heldBy(a);
    }
    String previous = a.getClaimedBy();
    LocalDateTime until = now.plus(ReviewClaims.length());
    a.claimForReview(me, until);
    flush();
    if (holding != ReviewClaims.Holding.MINE) {
      audit.record(
          me,
          CLAIMED,
          target(a),
          "round="
              + a.getReviewRound()
              + ", stage="
              + a.getReviewStage()
              + ", until="
              + until
              + (holding == ReviewClaims.Holding.EXPIRED ? ", takenOverFrom=" + previous : ""),
          c);
    }
    return new ReviewClaim(a.getPublicId(), me, until);
  }

  /**
   * The caller is still at work on an order they claimed (the review page calls it while open): the
   * claim runs for another {@code caportal.review.claimMinutes}.
   *
   * @throws BusinessException {@code application.notFound}; {@code review.notAwaiting}; {@code
   *     review.claimLost} when the caller no longer holds it (another reviewer took it over)
   */
  public ReviewClaim renewClaim(String publicId) {
    String me = callerName();
    CertificateApplication a = locked(publicId);
    a.requireAwaitingReview();
    if (!me.equals(a.getClaimedBy())) {
      throw new BusinessException("review.claimLost");
    }
    LocalDateTime until = now().plus(ReviewClaims.length());
    a.claimForReview(me, until);
    flush();
    return new ReviewClaim(a.getPublicId(), me, until);
  }

  /**
   * 放弃领取: the caller lets go of an order they claimed; releasing one the caller does not hold
   * changes nothing.
   *
   * @throws BusinessException {@code application.notFound}
   */
  public void release(String publicId, ClientInfo c) {
    String me = callerName();
    CertificateApplication a = locked(publicId);
    if (!me.equals(a.getClaimedBy())) {
      return;
    }
    a.releaseReviewClaim();
    flush();
    audit.record(me, RELEASED, target(a), "round=" + a.getReviewRound(), c);
  }

  // ===== the review view =======================================================================

  /**
   * The review view of a submitted order (any status: the decided ones read-only), or empty for an
   * unknown 申请ID or a draft. Whether the caller may decide now is part of it.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<OrderReview> review(String publicId) {
    return orders.submitted(publicId).map(this::reviewOf);
  }

  private OrderReview reviewOf(CertificateApplication a) {
    String me = callerName();
    LocalDateTime now = now();
    Optional<Account> account = accounts.find(a.getOwnerLoginName());
    ApprovedSubject recorded = a.getApprovedSubject();
    ApprovedSubject subject =
        recorded != null ? recorded : account.map(ApprovedSubject::of).orElse(null);
    String firstApprover = firstApprover(a);
    String refusal = null;
    try {
      ReviewStages.requireMayReview(a.getStatus(), a.getOwnerLoginName(), me, firstApprover);
    } catch (BusinessException refused) {
      refusal = refused.messageKey();
    }
    ReviewClaims.Holding holding =
        ReviewClaims.holding(a.getClaimedBy(), a.getClaimedUntil(), me, now);
    boolean byCaller = holding == ReviewClaims.Holding.MINE;
    OrderReview.ClaimState claim =
        new OrderReview.ClaimState(
            a.getClaimedBy(),
            a.getClaimedUntil(),
            byCaller,
            a.getClaimedUntil() != null && a.getClaimedUntil().isAfter(now));
    return new OrderReview(
        orderData(a),
        applicantData(a, account.orElse(null)),
        subject,
        recorded != null,
        documents.infos(a.getId()).stream()
            .sorted(Comparator.comparing(DocumentInfo::type))
            .toList(),
        decisionsOf(a.getId()),
        earlierOrders(a),
        registry.certificatesOf(a.getOwnerLoginName()).stream()
            .map(
                r ->
                    new OrderReview.HeldCertificate(
                        r.getSerialHex(),
                        r.getSubjectDn(),
                        r.getStatus(),
                        r.getNotBefore(),
                        r.getNotAfter()))
            .toList(),
        claim,
        secondApproval(a.getServiceType()),
        firstApprover,
        refusal == null && byCaller,
        refusal == null && holding != ReviewClaims.Holding.OTHERS && !byCaller,
        refusal);
  }

  // ===== decisions =============================================================================

  /**
   * 通过 of an order the caller holds: approved, or approved once where its service type asks for a
   * second approval (it then waits for another reviewer); the second approval approves it. An
   * approved order records the subject its certificate will carry. The claim ends.
   *
   * @param opinion 审核意见, optional (at most 500 characters)
   * @throws BusinessException {@code application.notFound}; {@code review.notAwaiting}; {@code
   *     review.ownOrder}; {@code review.claimRequired}, {@code review.claimedByOther}; {@code
   *     review.secondApprovalSameReviewer}; {@code review.opinionTooLong}; {@code
   *     review.subjectInvalid}; {@code application.concurrentEdit}
   */
  public DecisionOutcome approve(String publicId, String opinion, ClientInfo c) {
    return decide(publicId, Decision.APPROVE, opinion, c);
  }

  /**
   * 驳回 of an order the caller holds, at either stage, with 审核意见 (required): the applicant sees it
   * in 进度查询, may correct the documents and resubmit the order without paying again. The claim ends.
   *
   * @param opinion 审核意见: a preset reason or the reviewer's own words, at most 500 characters
   * @throws BusinessException {@code review.opinionRequired}; otherwise as {@link #approve}
   */
  public DecisionOutcome reject(String publicId, String opinion, ClientInfo c) {
    return decide(publicId, Decision.REJECT, opinion, c);
  }

  private DecisionOutcome decide(String publicId, Decision decision, String opinion, ClientInfo c) {
    String me = callerName();
    LocalDateTime now = now();
    CertificateApplication a = locked(publicId);
    String firstApprover = firstApprover(a);
    ReviewStages.requireMayReview(a.getStatus(), a.getOwnerLoginName(), me, firstApprover);
    requireHolder(a, me);
    String checkedOpinion = ReviewOpinions.checked(decision, opinion);
    ReviewStages.Step step =
        ReviewStages.of(
            a.getStatus(), decision, secondApproval(a.getServiceType()), me, firstApprover);
    ApprovedSubject subject =
        step.event() == OrderEvent.APPROVE ? approvedSubject(a.getOwnerLoginName()) : null;
    int round = a.getReviewRound();
    em.persist(
        new ReviewDecision(a.getId(), round, step.stage(), decision, checkedOpinion, me, now));
    steps.take(
        a,
        step.event(),
        me,
        c,
        "round="
            + round
            + ", stage="
            + step.stage()
            + (checkedOpinion == null ? "" : ", opinion=" + checkedOpinion)
            + (subject == null
                ? ""
                : ", subject="
                    + subject.name()
                    + ", "
                    + subject.codeType()
                    + ", "
                    + subject.code()));
    if (subject != null) {
      a.recordApprovedSubject(subject, now);
      flush();
    }
    return new DecisionOutcome(a.getPublicId(), a.getStatus(), round, step.stage());
  }

  /**
   * The subject the certificate will carry, from the owner's account now, checked to fit a
   * certificate.
   *
   * @throws BusinessException {@code review.subjectInvalid}
   */
  private ApprovedSubject approvedSubject(String owner) {
    Account account =
        accounts.find(owner).orElseThrow(() -> new BusinessException("account.notFound"));
    ApprovedSubject subject = ApprovedSubject.of(account);
    try {
      CertificateSubjects.of(subject);
    } catch (IllegalArgumentException unfit) {
      throw new BusinessException("review.subjectInvalid");
    }
    return subject;
  }

  // ---------------------------------------------------------------------------------------------

  private void requireHolder(CertificateApplication a, String me) {
    switch (ReviewClaims.holding(a.getClaimedBy(), a.getClaimedUntil(), me, now())) {
      case MINE -> {
        // decides
      }
      case OTHERS -> throw heldBy(a);
      case FREE, EXPIRED -> throw new BusinessException("review.claimRequired");
    }
  }

  private BusinessException heldBy(CertificateApplication a) {
    return new BusinessException(
        "review.claimedByOther", a.getClaimedBy(), beijingMinutes(a.getClaimedUntil()));
  }

  /** Whether orders of the service type need a second approval (no policy: one approval). */
  private boolean secondApproval(ServiceType type) {
    ReviewPolicy policy = type == null ? null : em.find(ReviewPolicy.class, type);
    return policy != null && policy.isSecondApproval();
  }

  /** Who gave the first approval of the order's current round, while it waits for the second. */
  private String firstApprover(CertificateApplication a) {
    if (a.getStatus() != OrderStatus.AWAITING_SECOND_REVIEW) {
      return null;
    }
    return em.createNamedQuery(ReviewDecision.FIRST_APPROVER, String.class)
        .setParameter("id", a.getId())
        .setParameter("round", a.getReviewRound())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private List<ReviewRecord> decisionsOf(long applicationId) {
    return em
        .createNamedQuery(ReviewDecision.OF_ORDERS, ReviewDecision.class)
        .setParameter("ids", List.of(applicationId))
        .getResultList()
        .stream()
        .map(ReviewRecord::of)
        .toList();
  }

  private List<OrderReview.EarlierOrder> earlierOrders(CertificateApplication a) {
    return em
        .createQuery(
            "SELECT o.publicId, o.serviceType, o.status, o.submittedAt"
                + " FROM CertificateApplication o WHERE o.ownerLoginName = :owner"
                + " AND o.status <> cn.cwca.portal.application.OrderStatus.DRAFT"
                + " AND o.id <> :id ORDER BY o.submittedAt DESC, o.id DESC",
            Object[].class)
        .setParameter("owner", a.getOwnerLoginName())
        .setParameter("id", a.getId())
        .setMaxResults(EARLIER_ORDERS)
        .getResultList()
        .stream()
        .map(
            r ->
                new OrderReview.EarlierOrder(
                    (String) r[0], (ServiceType) r[1], (OrderStatus) r[2], (LocalDateTime) r[3]))
        .toList();
  }

  private static OrderReview.OrderData orderData(CertificateApplication a) {
    return new OrderReview.OrderData(
        a.getPublicId(),
        a.getUserType(),
        a.getServiceType(),
        a.getYears(),
        a.isFurtherPaidKey(),
        a.getPrice(),
        a.getStatus(),
        a.getReviewRound(),
        a.getReviewStage(),
        a.getSubmittedAt(),
        a.getAgentName(),
        a.getAgentMobile(),
        a.getAgentIdType(),
        a.getAgentIdNumber(),
        a.getPickupMethod(),
        a.getHandlingPointName(),
        a.getHandlingPointAddress(),
        a.getRecipientName(),
        a.getRecipientMobile(),
        a.getRecipientAddress(),
        a.getRemark(),
        a.getCollectorName(),
        a.getCollectorMobile(),
        a.getCollectorIdNumber(),
        a.getCertificateSerialHex(),
        a.getCertificateSubjectDn(),
        a.getCertificateNotBefore(),
        a.getCertificateNotAfter(),
        a.getCertificateKeyProvenAt(),
        a.getApprovedAt());
  }

  private static OrderReview.ApplicantData applicantData(
      CertificateApplication a, Account account) {
    if (account == null) {
      return new OrderReview.ApplicantData(
          a.getUserType(), null, a.getOwnerLoginName(), null, null, null, null, null);
    }
    String division = account.getDivisionCode();
    return new OrderReview.ApplicantData(
        account.getType(),
        account.getDisplayName(),
        account.getLoginName(),
        account.getType() == AccountType.NATURAL_PERSON ? account.getIdType() : null,
        account.getMobile(),
        account.getLegalRepresentative(),
        division,
        division == null ? null : AdministrativeDivisions.get().fullName(division));
  }

  /**
   * A row of the queue from the columns of {@link ReviewQueueQuery#COLUMNS}, as JDBC gives them.
   */
  private static ReviewQueueRow row(
      Object[] r, String applicantName, String me, LocalDateTime now) {
    OrderStatus status = OrderStatus.valueOf((String) r[9]);
    String claimedBy = (String) r[11];
    LocalDateTime claimedUntil = utc(r[12]);
    boolean active = claimedBy != null && claimedUntil != null && claimedUntil.isAfter(now);
    return new ReviewQueueRow(
        (String) r[0],
        AccountType.valueOf((String) r[1]),
        applicantName,
        (String) r[2],
        r[3] == null ? null : ServiceType.valueOf((String) r[3]),
        r[4] == null ? null : ((Number) r[4]).intValue(),
        (String) r[5],
        r[6] == null ? null : PickupMethod.valueOf((String) r[6]),
        utc(r[7]),
        (BigDecimal) r[8],
        status,
        ((Number) r[10]).intValue(),
        status == OrderStatus.AWAITING_SECOND_REVIEW ? 2 : 1,
        claimedBy,
        claimedUntil,
        me.equals(claimedBy) && active,
        active);
  }

  /** A {@code timestamp} column (UTC) of a native query. */
  private static LocalDateTime utc(Object value) {
    return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
  }

  /** 姓名 or 机构名称 by login name. */
  private Map<String, String> applicantNames(List<String> loginNames) {
    Map<String, String> names = new HashMap<>();
    if (loginNames.isEmpty()) {
      return names;
    }
    em.createQuery(
            "SELECT acc.loginName, acc.displayName FROM Account acc"
                + " WHERE acc.loginName IN :names",
            Object[].class)
        .setParameter("names", loginNames)
        .getResultList()
        .forEach(r -> names.put((String) r[0], (String) r[1]));
    return names;
  }

  /** A submitted order, locked until the transaction ends. */
  private CertificateApplication locked(String publicId) {
    return orders
        .lockSubmitted(publicId)
        .orElseThrow(() -> new BusinessException("application.notFound"));
  }

  /**
   * Writes now, so that a conflict ends in a message instead of a failed commit.
   *
   * @throws BusinessException {@code application.concurrentEdit}
   */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("application.concurrentEdit");
    }
  }

  /** A time (UTC) as Beijing time to the minute, for a message. */
  static String beijingMinutes(LocalDateTime utc) {
    return utc == null
        ? ""
        : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ReviewQueueQuery.BEIJING).format(MINUTES);
  }

  private static String target(CertificateApplication a) {
    return "application:" + a.getPublicId();
  }

  private String callerName() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
