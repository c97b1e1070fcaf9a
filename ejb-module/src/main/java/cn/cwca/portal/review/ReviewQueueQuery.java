package cn.cwca.portal.review;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.common.BeijingDays;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JPQL of the review queue for a reviewer and a {@link ReviewQueueFilter}: the orders waiting
 * for review, and those waiting for a second approval whose first approval the reviewer did not
 * give, never the reviewer's own, oldest submission first. The text of a query depends only on
 * which filters are set; every value, and above all the text typed into the applicant filter, is a
 * parameter, never part of the query.
 *
 * <p>The page is read with one query per status ({@link #select}), each in the order of {@code
 * certificate_application_status_idx (status, submitted_at)} with a LIMIT (first + page size), and
 * the two are merged by submission time: each is an ordered scan of that index that stops after the
 * page, however many orders there are. {@link #count()} counts the same orders with one query. The
 * applicant filter matches any part of the account's name (case-insensitive; a correlated EXISTS on
 * {@code account} by its unique login name) or, for a text that may be a code (only letters and
 * digits), the start of the order's owner login name, which {@code
 * certificate_application_review_owner_idx} serves. The applicants' names of a page are read
 * afterwards, for its rows only.
 */
final class ReviewQueueQuery {

  /**
   * The statuses of the queue, one query each: the first approval (or the only one), the second.
   */
  static final List<OrderStatus> STATUSES =
      List.of(OrderStatus.AWAITING_REVIEW, OrderStatus.AWAITING_SECOND_REVIEW);

  /** Beijing time: the days of the date filter. */
  static final ZoneId BEIJING = BeijingDays.ZONE;

  /** Longest applicant text that is matched; a longer one is cut. */
  static final int MAX_APPLICANT_TEXT = 64;

  /** The escape character of the LIKE patterns. */
  static final char ESCAPE = '!';

  private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Za-z]+");

  private static final String STATUS = "cn.cwca.portal.application.OrderStatus.";

  private static final String FROM =
      " FROM CertificateApplication a WHERE a.ownerLoginName <> :reviewer";

  /** Not an order whose first approval of its current round the reviewer gave. */
  private static final String NOT_FIRST_APPROVED_BY_REVIEWER =
      "NOT EXISTS (SELECT d.id FROM ReviewDecision d WHERE d.applicationId = a.id"
          + " AND d.round = a.reviewRound AND d.stage = 1 AND d.reviewer = :reviewer)";

  /** The columns of a row, in the order {@code ReviewService} reads them. */
  static final String COLUMNS =
      "SELECT a.publicId, a.userType, a.ownerLoginName, a.serviceType, a.years,"
          + " a.handlingPointName, a.pickupMethod, a.submittedAt, a.price, a.status,"
          + " a.reviewRound, a.claimedBy, a.claimedUntil, a.id";

  private static final String ORDER = " ORDER BY a.submittedAt, a.id";

  private final String where;
  private final Map<String, Object> parameters;

  private ReviewQueueQuery(String where, Map<String, Object> parameters) {
    this.where = where;
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /** The queue of {@code reviewer} with the filter ({@code null}: none). */
  static ReviewQueueQuery of(ReviewQueueFilter filter, String reviewer) {
    ReviewQueueFilter f = filter == null ? ReviewQueueFilter.NONE : filter;
    StringBuilder where = new StringBuilder();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("reviewer", reviewer);
    if (f.serviceType() != null) {
      where.append(" AND a.serviceType = :serviceType");
      parameters.put("serviceType", f.serviceType());
    }
    if (f.userType() == AccountType.NATURAL_PERSON || f.userType() == AccountType.ORGANISATION) {
      where.append(" AND a.userType = :userType");
      parameters.put("userType", f.userType());
    }
    if (f.handlingPointCode() != null && !f.handlingPointCode().isBlank()) {
      where.append(" AND a.handlingPointCode = :handlingPoint");
      parameters.put("handlingPoint", f.handlingPointCode().strip());
    }
    if (f.submittedFrom() != null) {
      where.append(" AND a.submittedAt >= :submittedFrom");
      parameters.put("submittedFrom", startOfDayUtc(f.submittedFrom()));
    }
    if (f.submittedTo() != null) {
      where.append(" AND a.submittedAt < :submittedBefore");
      parameters.put("submittedBefore", startOfDayUtc(f.submittedTo().plusDays(1)));
    }
    String applicant = applicantText(f.applicant());
    if (applicant != null) {
      where.append(
          " AND (EXISTS (SELECT acc.id FROM Account acc WHERE acc.loginName = a.ownerLoginName"
              + " AND LOWER(acc.displayName) LIKE :name ESCAPE '"
              + ESCAPE
              + "')");
      parameters.put("name", "%" + escaped(applicant.toLowerCase(Locale.ROOT)) + "%");
      if (CODE_LIKE.matcher(applicant).matches()) {
        where.append(" OR a.ownerLoginName LIKE :code ESCAPE '" + ESCAPE + "'");
        parameters.put("code", escaped(applicant.toUpperCase(Locale.ROOT)) + "%");
      }
      where.append(")");
    }
    return new ReviewQueueQuery(where.toString(), parameters);
  }

  /**
   * The rows of the orders in one status of the queue, oldest submission first (read a page's
   * worth, first + size, from each and merge).
   *
   * @param status one of {@link #STATUSES}
   */
  String select(OrderStatus status) {
    if (status == OrderStatus.AWAITING_REVIEW) {
      return COLUMNS + FROM + where + " AND a.status = " + STATUS + status.name() + ORDER;
    }
    if (status == OrderStatus.AWAITING_SECOND_REVIEW) {
      return COLUMNS
          + FROM
          + where
          + " AND a.status = "
          + STATUS
          + status.name()
          + " AND "
          + NOT_FIRST_APPROVED_BY_REVIEWER
          + ORDER;
    }
    throw new IllegalArgumentException(status + " is not in the review queue");
  }

  /** The count of the orders of the queue (both statuses). */
  String count() {
    return "SELECT COUNT(a)"
        + FROM
        + where
        + " AND a.status IN ("
        + STATUS
        + "AWAITING_REVIEW, "
        + STATUS
        + "AWAITING_SECOND_REVIEW) AND (a.status = "
        + STATUS
        + "AWAITING_REVIEW OR "
        + NOT_FIRST_APPROVED_BY_REVIEWER
        + ")";
  }

  /** The values of the query's parameters, by name. */
  Map<String, Object> parameters() {
    return parameters;
  }

  /** Sets the parameters on a query made of {@link #select()} or {@link #count()}. */
  <Q extends Query> Q bind(Q query) {
    parameters.forEach(query::setParameter);
    return query;
  }

  /** The start of a Beijing day, in UTC (the times of the orders). */
  static LocalDateTime startOfDayUtc(LocalDate day) {
    return BeijingDays.startUtc(day);
  }

  /** The applicant text to match: stripped, at most 64 characters; {@code null} when blank. */
  static String applicantText(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String text = typed.strip();
    return text.length() > MAX_APPLICANT_TEXT ? text.substring(0, MAX_APPLICANT_TEXT) : text;
  }

  /** The text with the LIKE wildcards and the escape character escaped. */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '%' || c == '_' || c == ESCAPE) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }
}
