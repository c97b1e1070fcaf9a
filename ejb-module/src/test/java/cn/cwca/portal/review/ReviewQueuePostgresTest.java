package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.persistence.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The review queue's SQL ({@link ReviewQueueQuery}, as {@link ReviewService#queue} runs it) through
 * a real PostgreSQL (a {@link ThrowawayDatabase}; skipped when there is no server) with 100,000
 * orders of 2,000 organisations, 5,000 of them waiting, as the benchmark makes them: every
 * statement is served by the queue's indexes (V7, V20), never by reading the table; and the parts
 * of the queue together are exactly the queue as one plain query with "name OR code" shows it,
 * oldest first, with second approvals not shown to their first approver and never the reviewer's
 * own.
 */
class ReviewQueuePostgresTest {

  private static final String REVIEWER = "it-reviewer";
  private static final String OTHER_REVIEWER = "it-reviewer-2";

  /** The queue in one plain statement, as it was before issue 12: the reference. */
  private static final String REFERENCE =
      "SELECT a.public_id FROM certificate_application a"
          + " WHERE a.status IN ('AWAITING_REVIEW', 'AWAITING_SECOND_REVIEW')"
          + " AND a.owner_login_name <> ?"
          + " AND (a.status = 'AWAITING_REVIEW' OR NOT EXISTS (SELECT 1 FROM review_decision d"
          + " WHERE d.application_id = a.id AND d.round = a.review_round AND d.stage = 1"
          + " AND d.reviewer = ?))"
          + " AND (?::varchar IS NULL OR a.service_type = ?)"
          + " AND (?::varchar IS NULL OR EXISTS (SELECT 1 FROM account acc"
          + " WHERE acc.login_name = a.owner_login_name AND LOWER(acc.display_name) LIKE ? ESCAPE '!')"
          + " OR a.owner_login_name LIKE ? ESCAPE '!')"
          + " ORDER BY a.submitted_at, a.id";

  private static ThrowawayDatabase database;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void ordersOfTheBenchmarkAndSomeOfEveryKind() throws SQLException {
    database = ThrowawayDatabase.create("review_queue_test");
    dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    try (Connection c = dataSource.getConnection()) {
      QueueOrders.fill(c, 2_000, 100_000);
      account(c, "91350100MA0000000X", "Liaocheng 100%_ 示例有限公司");
      account(c, REVIEWER, "审核员");
      // The oldest orders: the reviewer's own; a second approval the reviewer gave the first of;
      // one claimed; one of an owner without an account; one with wildcards in its name.
      order(c, "QOWN", REVIEWER, "AWAITING_REVIEW", 9_000_000, "RENEW");
      long second =
          order(c, "QSECOND", "91BENCH00000000007", "AWAITING_SECOND_REVIEW", 8_000_000, "CHANGE");
      decision(c, second, REVIEWER);
      long claimed =
          order(c, "QCLAIMED", "91BENCH00000000008", "AWAITING_REVIEW", 7_000_000, "LOST");
      sql(
          c,
          "update certificate_application set claimed_by = 'x', claimed_until = now() where id = "
              + claimed);
      order(c, "QNOACCOUNT", "NOACCOUNT0001", "AWAITING_REVIEW", 6_000_000, "RENEW");
      order(c, "QWILD", "91350100MA0000000X", "AWAITING_REVIEW", 5_000_000, "CHANGE");
      sql(c, "analyze certificate_application");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  static Stream<ReviewQueueFilter> filters() {
    return Stream.of(
        ReviewQueueFilter.NONE,
        new ReviewQueueFilter(ServiceType.RENEW, AccountType.ORGANISATION, null, null, null, null),
        applicant("企业0001"),
        applicant("91BENCH0000000012"),
        new ReviewQueueFilter(
            ServiceType.CHANGE,
            AccountType.ORGANISATION,
            "SD_LIAOCHENG",
            LocalDate.now().minusDays(30),
            LocalDate.now(),
            "91bench"));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void everyStatementReadsTheQueueIndexesNeverTheTable(ReviewQueueFilter filter)
      throws SQLException {
    ReviewQueueQuery query = ReviewQueueQuery.of(filter, REVIEWER);
    try (Connection c = dataSource.getConnection()) {
      for (ReviewQueueQuery.Sql sql : List.of(query.count(1_001), query.page(0, 10))) {
        String plan = QueueOrders.plan(c, sql);
        assertFalse(plan.contains("Seq Scan on certificate_application"), plan);
        assertTrue(
            plan.contains("certificate_application_queue_idx")
                || plan.contains("certificate_application_review_owner_idx"),
            plan);
      }
    }
  }

  @Test
  void withoutFiltersTheFirstPageIsReadInTheOrderOfTheQueueIndex() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String plan = QueueOrders.plan(c, ReviewQueueQuery.of(null, REVIEWER).page(0, 10));
      assertTrue(plan.contains("Index Scan using certificate_application_queue_idx"), plan);
      assertFalse(plan.contains("Bitmap"), "no read of every waiting order: " + plan);
    }
  }

  @ParameterizedTest
  @MethodSource("filters")
  void thePartsTogetherAreTheQueueOldestFirst(ReviewQueueFilter filter) throws SQLException {
    assertSameQueue(filter, REVIEWER);
    assertSameQueue(filter, OTHER_REVIEWER);
  }

  @Test
  void aNameOrTheStartOfACodeMatchesEachOrderOnce() throws SQLException {
    for (String text :
        List.of("91350100", "liaocheng 100%_", "100%", "NOACCOUNT", "noaccount0001", "基准企业0000")) {
      assertSameQueue(applicant(text), REVIEWER);
    }
    try (Connection c = dataSource.getConnection()) {
      assertEquals(
          List.of("QWILD"),
          QueueOrders.ids(c, ReviewQueueQuery.of(applicant("100%_"), REVIEWER).page(0, 10)));
      assertEquals(
          List.of(),
          QueueOrders.ids(c, ReviewQueueQuery.of(applicant("1000%"), REVIEWER).page(0, 10)),
          "% is no wildcard");
      assertEquals(
          List.of("QNOACCOUNT"),
          QueueOrders.ids(c, ReviewQueueQuery.of(applicant("noaccount"), REVIEWER).page(0, 10)),
          "an owner without an account, by the start of the code");
    }
  }

  @Test
  void theReviewerSeesNeitherTheirOwnOrderNorTheSecondApprovalOfTheirFirst() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<String> mine = QueueOrders.ids(c, ReviewQueueQuery.of(null, REVIEWER).page(0, 3));
      List<String> others =
          QueueOrders.ids(c, ReviewQueueQuery.of(null, OTHER_REVIEWER).page(0, 5));

      assertEquals(List.of("QCLAIMED", "QNOACCOUNT", "QWILD"), mine, "claimed orders are shown");
      assertEquals(List.of("QOWN", "QSECOND", "QCLAIMED", "QNOACCOUNT", "QWILD"), others);
    }
  }

  @Test
  void theCountIsExactUpToItsLimitAndALowerBoundBeyond() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      long waiting = reference(c, ReviewQueueFilter.NONE, REVIEWER).size();
      assertTrue(waiting > 2_000, "the fill makes a long queue: " + waiting);
      long counted = QueueOrders.count(c, ReviewQueueQuery.of(null, REVIEWER).count(1_001));
      assertTrue(counted >= 1_001 && counted <= 2 * 1_001, "each part up to the limit: " + counted);
      ReviewQueueQuery renew =
          ReviewQueueQuery.of(
              new ReviewQueueFilter(ServiceType.RENEW, null, null, null, null, "91BENCH000000001"),
              REVIEWER);
      long exact = reference(c, renew(), REVIEWER).size();
      assertTrue(exact > 0 && exact < 1_001, "a short filtered queue: " + exact);
      assertEquals(exact, QueueOrders.count(c, renew.count(1_001)));
    }
  }

  private static ReviewQueueFilter renew() {
    return new ReviewQueueFilter(ServiceType.RENEW, null, null, null, null, "91BENCH000000001");
  }

  /** The first 100 rows and the count of the queue's statements equal the reference's. */
  private static void assertSameQueue(ReviewQueueFilter filter, String reviewer)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<String> expected = reference(c, filter, reviewer);
      ReviewQueueQuery query = ReviewQueueQuery.of(filter, reviewer);
      assertEquals(
          expected.subList(0, Math.min(100, expected.size())),
          QueueOrders.ids(c, query.page(0, 100)),
          filter + " for " + reviewer);
      assertEquals(
          expected.subList(Math.min(250, expected.size()), Math.min(300, expected.size())),
          QueueOrders.ids(c, query.page(250, 50)),
          "a later page");
      long counted = QueueOrders.count(c, query.count(1_001));
      if (expected.size() <= 1_000) {
        assertEquals(expected.size(), counted, "exact below the limit");
      } else {
        assertTrue(counted >= 1_001, "at least the limit: " + counted);
      }
    }
  }

  /** The reference queue's 申请IDs (only the service type and applicant filters). */
  private static List<String> reference(Connection c, ReviewQueueFilter filter, String reviewer)
      throws SQLException {
    String text = ReviewQueueQuery.applicantText(filter.applicant());
    String service = filter.serviceType() == null ? null : filter.serviceType().name();
    boolean codeLike = text != null && text.matches("[0-9A-Za-z]+");
    List<String> ids = new ArrayList<>();
    String sql = REFERENCE;
    if (filter.userType() != null) {
      sql =
          sql.replace(
              " ORDER BY", " AND a.user_type = '" + filter.userType().name() + "' ORDER BY");
    }
    if (filter.submittedFrom() != null) {
      sql =
          sql.replace(
              " ORDER BY",
              " AND a.handling_point_code = '"
                  + filter.handlingPointCode()
                  + "' AND a.submitted_at >= '"
                  + ReviewQueueQuery.startOfDayUtc(filter.submittedFrom())
                  + "' AND a.submitted_at < '"
                  + ReviewQueueQuery.startOfDayUtc(filter.submittedTo().plusDays(1))
                  + "' ORDER BY");
    }
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, reviewer);
      p.setString(2, reviewer);
      p.setString(3, service);
      p.setString(4, service);
      p.setString(5, text);
      p.setString(
          6,
          text == null
              ? null
              : "%" + ReviewQueueQuery.escaped(text.toLowerCase(Locale.ROOT)) + "%");
      p.setString(
          7, codeLike ? ReviewQueueQuery.escaped(text.toUpperCase(Locale.ROOT)) + "%" : null);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private static ReviewQueueFilter applicant(String text) {
    return new ReviewQueueFilter(null, null, null, null, null, text);
  }

  private static void account(Connection c, String loginName, String name) throws SQLException {
    sql(
        c,
        "insert into account (id, account_type, login_name, display_name, mobile,"
            + " legal_representative, password_hash, created_at, updated_at)"
            + " values (nextval('account_seq'), 'ORGANISATION', '"
            + loginName
            + "', '"
            + name
            + "', '13800000"
            + Math.abs(loginName.hashCode() % 1000)
            + "', '张三', 'not-a-hash', now(), now())");
  }

  /** An order submitted {@code minutesAgo} (older than the benchmark's); its id. */
  private static long order(
      Connection c, String publicId, String owner, String status, int minutesAgo, String service)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into certificate_application (id, public_id, submission_token,"
                + " owner_login_name, user_type, wizard_step, service_type, years,"
                + " further_paid_key, agent_name, statement_accepted, user_info_confirmed,"
                + " pickup_method, handling_point_code, handling_point_name,"
                + " handling_point_address, price, key_amount, status, created_at, updated_at,"
                + " submitted_at)"
                + " values (nextval('certificate_application_seq'), ?, md5(?), ?,"
                + " 'ORGANISATION', 'DOCUMENTS', ?, 1, false, '基准', true, true, 'COURIER',"
                + " 'SD_LIAOCHENG', '山东聊城办理点', '山东省聊城市', 200.00, 0.00, ?, now(), now(),"
                + " now() - (? || ' minutes')::interval) returning id")) {
      p.setString(1, publicId);
      p.setString(2, publicId);
      p.setString(3, owner);
      p.setString(4, service);
      p.setString(5, status);
      p.setString(6, Integer.toString(minutesAgo));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The reviewer's first approval of the order's first round. */
  private static void decision(Connection c, long applicationId, String reviewer)
      throws SQLException {
    sql(
        c,
        "insert into review_decision (id, application_id, round, stage, decision, reviewer,"
            + " decided_at) values (1, "
            + applicationId
            + ", 1, 1, 'APPROVE', '"
            + reviewer
            + "', now())");
  }

  private static void sql(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
