package cn.cwca.portal.review;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.common.BeijingDays;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of the review queue for a reviewer and a {@link ReviewQueueFilter}: the orders waiting
 * for review, and those waiting for a second approval whose first approval the reviewer did not
 * give, never the reviewer's own, oldest submission first. The text of a statement depends only on
 * which filters are set; every value, and above all the text typed into the applicant filter, is a
 * parameter, never part of the statement.
 *
 * <p>The queue is read in parts that PostgreSQL serves each from an index, however many orders
 * there are (issue 12: 1,000,000 orders, 50,000 of them waiting): one part per status, and, for an
 * applicant text that may be a code, one part for the name and one for the code. The name part
 * matches any part of the account's name (case-insensitive) among the login names of the accounts
 * whose name matches; the code part matches the start of the order's owner login name ({@code
 * certificate_application_review_owner_idx}) and leaves out what the name part holds, so that no
 * order is in two parts. Together they are exactly the orders of "name OR code", which as one OR
 * forced a read of every waiting order. Each part is read in the order of {@code
 * certificate_application_queue_idx (status, submitted_at, id, ...)} with its own LIMIT, and the
 * page is taken from their union in one statement ({@link #page}).
 *
 * <p>The total is counted the same way, each part only up to a limit ({@link #count}): counting all
 * 50,000 waiting orders reads a heap row of each, spread over the whole table, which alone takes
 * longer than the page may. The service counts up to the end of the current thousand past the page
 * and says "1000+" beyond it ({@link ReviewQueuePage#totalExact()}).
 *
 * <p>The statements are native SQL: JPQL has no UNION, nor a LIMIT inside a subquery. Their
 * parameters are positional ({@code ?1}, {@code ?2}, ... in the order they appear), the statuses
 * are literals so that the partial indexes on them serve the plan PostgreSQL keeps for the
 * statement.
 */
final class ReviewQueueQuery {

  /** The statuses of the queue, one part each: the first approval (or the only one), the second. */
  static final List<OrderStatus> STATUSES =
      List.of(OrderStatus.AWAITING_REVIEW, OrderStatus.AWAITING_SECOND_REVIEW);

  /** Beijing time: the days of the date filter. */
  static final ZoneId BEIJING = BeijingDays.ZONE;

  /** Longest applicant text that is matched; a longer one is cut. */
  static final int MAX_APPLICANT_TEXT = 64;

  /** The escape character of the LIKE patterns. */
  static final char ESCAPE = '!';

  /** The total is counted in steps of this many rows (the grid shows "1000+" beyond). */
  static final int COUNTED_STEP = 1_000;

  private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Za-z]+");

  private static final Pattern MARKER = Pattern.compile("\\?");

  /** The columns of a row, in the order {@code ReviewService} reads them. */
  static final String COLUMNS =
      "a.public_id, a.user_type, a.owner_login_name, a.service_type, a.years,"
          + " a.handling_point_name, a.pickup_method, a.submitted_at, a.price, a.status,"
          + " a.review_round, a.claimed_by, a.claimed_until, a.id";

  /** Not an order whose first approval of its current round the reviewer gave. */
  private static final String NOT_FIRST_APPROVED_BY_REVIEWER =
      " AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.application_id = a.id"
          + " AND d.round = a.review_round AND d.stage = 1 AND d.reviewer = ?)";

  private static final String NAME_MATCHES =
      "a.owner_login_name IN (SELECT acc.login_name FROM account acc"
          + " WHERE LOWER(acc.display_name) LIKE ? ESCAPE '"
          + ESCAPE
          + "')";

  private static final String NAME_DOES_NOT_MATCH =
      "NOT EXISTS (SELECT 1 FROM account acc WHERE acc.login_name = a.owner_login_name"
          + " AND LOWER(acc.display_name) LIKE ? ESCAPE '"
          + ESCAPE
          + "')";

  private static final String CODE_MATCHES = "a.owner_login_name LIKE ? ESCAPE '" + ESCAPE + "'";

  private static final String ORDER = " ORDER BY a.submitted_at, a.id LIMIT ?";

  /**
   * A statement: its text with positional parameters {@code ?1}, {@code ?2}, ... and their values
   * in that order (strings, {@link LocalDateTime}s and integers).
   */
  record Sql(String text, List<Object> parameters) {

    Sql {
      parameters = List.copyOf(parameters);
    }

    /** Sets the parameters on a native query made of {@link #text()}. */
    <Q extends Query> Q bind(Q query) {
      for (int i = 0; i < parameters.size(); i++) {
        query.setParameter(i + 1, parameters.get(i));
      }
      return query;
    }
  }

  /** One part of the queue: the condition on {@code a} and the values of its markers. */
  private record Part(String where, List<Object> parameters) {}

  private final List<Part> parts;

  private ReviewQueueQuery(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** The queue of {@code reviewer} with the filter ({@code null}: none). */
  static ReviewQueueQuery of(ReviewQueueFilter filter, String reviewer) {
    ReviewQueueFilter f = filter == null ? ReviewQueueFilter.NONE : filter;
    StringBuilder where = new StringBuilder(" AND a.owner_login_name <> ?");
    List<Object> values = new ArrayList<>();
    values.add(reviewer);
    if (f.serviceType() != null) {
      where.append(" AND a.service_type = ?");
      values.add(f.serviceType().name());
    }
    if (f.userType() == AccountType.NATURAL_PERSON || f.userType() == AccountType.ORGANISATION) {
      where.append(" AND a.user_type = ?");
      values.add(f.userType().name());
    }
    if (f.handlingPointCode() != null && !f.handlingPointCode().isBlank()) {
      where.append(" AND a.handling_point_code = ?");
      values.add(f.handlingPointCode().strip());
    }
    if (f.submittedFrom() != null) {
      where.append(" AND a.submitted_at >= ?");
      values.add(startOfDayUtc(f.submittedFrom()));
    }
    if (f.submittedTo() != null) {
      where.append(" AND a.submitted_at < ?");
      values.add(startOfDayUtc(f.submittedTo().plusDays(1)));
    }
    String applicant = applicantText(f.applicant());
    String name =
        applicant == null ? null : "%" + escaped(applicant.toLowerCase(Locale.ROOT)) + "%";
    String code =
        applicant != null && CODE_LIKE.matcher(applicant).matches()
            ? escaped(applicant.toUpperCase(Locale.ROOT)) + "%"
            : null;

    List<Part> parts = new ArrayList<>();
    for (OrderStatus status : STATUSES) {
      StringBuilder statusWhere =
          new StringBuilder("a.status = '").append(status.name()).append('\'').append(where);
      List<Object> statusValues = new ArrayList<>(values);
      if (status == OrderStatus.AWAITING_SECOND_REVIEW) {
        statusWhere.append(NOT_FIRST_APPROVED_BY_REVIEWER);
        statusValues.add(reviewer);
      }
      if (name == null) {
        parts.add(new Part(statusWhere.toString(), statusValues));
        continue;
      }
      parts.add(part(statusWhere + " AND " + NAME_MATCHES, statusValues, name));
      if (code != null) {
        parts.add(
            part(
                statusWhere + " AND " + CODE_MATCHES + " AND " + NAME_DOES_NOT_MATCH,
                statusValues,
                code,
                name));
      }
    }
    return new ReviewQueueQuery(parts);
  }

  private static Part part(String where, List<Object> values, Object... more) {
    List<Object> all = new ArrayList<>(values);
    all.addAll(List.of(more));
    return new Part(where, all);
  }

  /**
   * The rows {@code from} to {@code from + size} of the queue, oldest submission first: each part's
   * first {@code from + size} rows, in the order of its index, and the page of their union.
   */
  Sql page(int from, int size) {
    StringBuilder sql = new StringBuilder("SELECT * FROM (");
    List<Object> values = new ArrayList<>();
    for (Part part : parts) {
      if (!values.isEmpty()) {
        sql.append(" UNION ALL ");
      }
      sql.append("(SELECT ")
          .append(COLUMNS)
          .append(" FROM certificate_application a WHERE ")
          .append(part.where())
          .append(ORDER)
          .append(')');
      values.addAll(part.parameters());
      values.add(from + size);
    }
    sql.append(") q ORDER BY q.submitted_at, q.id LIMIT ? OFFSET ?");
    values.add(size);
    values.add(from);
    return numbered(sql, values);
  }

  /**
   * The number of the queue's orders, each part counted up to {@code limit}: exact when every part
   * has fewer, at least {@code limit} otherwise.
   */
  Sql count(int limit) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (");
    List<Object> values = new ArrayList<>();
    for (Part part : parts) {
      if (!values.isEmpty()) {
        sql.append(" UNION ALL ");
      }
      sql.append("(SELECT 1 FROM certificate_application a WHERE ")
          .append(part.where())
          .append(ORDER)
          .append(')');
      values.addAll(part.parameters());
      values.add(limit);
    }
    sql.append(") q");
    return numbered(sql, values);
  }

  /**
   * How far the total of a page is counted: to the end of the thousand the page ends in, and always
   * past the page, so that the grid offers the next page when there is one (1,000 for the pages
   * within the first 1,000 rows but the last one, 2,000 for that one and the next thousand, ...).
   */
  static int countedUpTo(int from, int size) {
    return ((from + size) / COUNTED_STEP + 1) * COUNTED_STEP;
  }

  /** The statement with its markers numbered in order: ?1, ?2, ... */
  private static Sql numbered(CharSequence sql, List<Object> values) {
    Matcher marker = MARKER.matcher(sql);
    StringBuilder text = new StringBuilder(sql.length() + 3 * values.size());
    int n = 0;
    while (marker.find()) {
      marker.appendReplacement(text, "?" + ++n);
    }
    marker.appendTail(text);
    if (n != values.size()) {
      throw new IllegalStateException(n + " markers for " + values.size() + " values");
    }
    return new Sql(text.toString(), values);
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
