package cn.cwca.portal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One decision of a reviewer (审核员) on an order: 通过, or 驳回 with 审核意见. Every round of review is kept;
 * stage 2 is the second approval some service types ask for. Never changed once written; times are
 * UTC.
 */
@Entity
@Table(name = "review_decision")
@NamedQuery(
    name = ReviewDecision.OF_ORDERS,
    query =
        "SELECT d FROM ReviewDecision d WHERE d.applicationId IN :ids"
            + " ORDER BY d.applicationId, d.round, d.stage")
@NamedQuery(
    name = ReviewDecision.FIRST_APPROVER,
    query =
        "SELECT d.reviewer FROM ReviewDecision d WHERE d.applicationId = :id AND d.round = :round"
            + " AND d.stage = 1"
            + " AND d.decision = cn.cwca.portal.review.ReviewDecision.Decision.APPROVE")
public class ReviewDecision implements Serializable {

  public static final String OF_ORDERS = "ReviewDecision.ofOrders";

  /** Who gave the first approval of an order's round (stage 1), where it asks for two. */
  static final String FIRST_APPROVER = "ReviewDecision.firstApprover";

  private static final long serialVersionUID = 1L;

  /** 通过 or 驳回. */
  public enum Decision {
    APPROVE,
    REJECT
  }

  @Id
  @SequenceGenerator(
      name = "review_decision_seq",
      sequenceName = "review_decision_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_decision_seq")
  private Long id;

  @Column(name = "application_id", nullable = false, updatable = false)
  private Long applicationId;

  @Column(name = "round", nullable = false, updatable = false)
  private int round;

  @Column(name = "stage", nullable = false, updatable = false)
  private int stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false, updatable = false, length = 10)
  private Decision decision;

  @Column(name = "opinion", updatable = false, length = 500)
  private String opinion;

  @Column(name = "reviewer", nullable = false, updatable = false, length = 64)
  private String reviewer;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private LocalDateTime decidedAt;

  protected ReviewDecision() {}

  public ReviewDecision(
      long applicationId,
      int round,
      int stage,
      Decision decision,
      String opinion,
      String reviewer,
      LocalDateTime decidedAt) {
    this.applicationId = applicationId;
    this.round = round;
    this.stage = stage;
    this.decision = Objects.requireNonNull(decision);
    this.opinion = opinion;
    this.reviewer = Objects.requireNonNull(reviewer);
    this.decidedAt = Objects.requireNonNull(decidedAt);
  }

  public Long getApplicationId() {
    return applicationId;
  }

  /** 1 for the first review, one more for each resubmission after 驳回. */
  public int getRound() {
    return round;
  }

  /** 1, or 2 for a second approval. */
  public int getStage() {
    return stage;
  }

  public Decision getDecision() {
    return decision;
  }

  /** 审核意见; required on 驳回. */
  public String getOpinion() {
    return opinion;
  }

  public String getReviewer() {
    return reviewer;
  }

  public LocalDateTime getDecidedAt() {
    return decidedAt;
  }
}
