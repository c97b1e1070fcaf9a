package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue's query from the filters: the text of the query depends only on which filters are set,
 * every value is a parameter, and nothing a client typed becomes part of the query.
 */
class ReviewQueueQueryTest {

  private static final String REVIEWER = "it-reviewer";

  @Test
  void withoutFiltersTheQueueIsTheOrdersWaitingForTheReviewerOldestFirst() {
    ReviewQueueQuery q = ReviewQueueQuery.of(null, REVIEWER);

    assertEquals(Map.of("reviewer", REVIEWER), q.parameters());
    String first = q.select(OrderStatus.AWAITING_REVIEW);
    String second = q.select(OrderStatus.AWAITING_SECOND_REVIEW);
    assertEquals(
        ReviewQueueQuery.COLUMNS
            + " FROM CertificateApplication a WHERE a.ownerLoginName <> :reviewer"
            + " AND a.status = cn.cwca.portal.application.OrderStatus.AWAITING_REVIEW"
            + " ORDER BY a.submittedAt, a.id",
        first,
        "one status, in the order of the status index: not the reviewer's own");
    assertTrue(
        second.contains(
            " AND a.status = cn.cwca.portal.application.OrderStatus.AWAITING_SECOND_REVIEW"
                + " AND NOT EXISTS (SELECT d.id FROM ReviewDecision d WHERE d.applicationId = a.id"
                + " AND d.round = a.reviewRound AND d.stage = 1 AND d.reviewer = :reviewer)"),
        "not a second approval of the reviewer's first: " + second);
    assertTrue(second.endsWith(" ORDER BY a.submittedAt, a.id"));
    String count = q.count();
    assertTrue(count.startsWith("SELECT COUNT(a) FROM CertificateApplication a"), count);
    assertTrue(
        count.contains(
            "a.status IN (cn.cwca.portal.application.OrderStatus.AWAITING_REVIEW,"
                + " cn.cwca.portal.application.OrderStatus.AWAITING_SECOND_REVIEW)"),
        count);
    assertFalse(count.contains("ORDER BY"));
    assertEquals(
        ReviewQueueQuery.of(ReviewQueueFilter.NONE, REVIEWER).select(OrderStatus.AWAITING_REVIEW),
        first);
    assertThrows(IllegalArgumentException.class, () -> q.select(OrderStatus.APPROVED));
  }

  @Test
  void everyFilterIsAParameter() {
    ReviewQueueQuery q =
        ReviewQueueQuery.of(
            new ReviewQueueFilter(
                ServiceType.CHANGE,
                AccountType.ORGANISATION,
                " SD_LIAOCHENG ",
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 7),
                " 聊城市示例 "),
            REVIEWER);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("reviewer", REVIEWER);
    expected.put("serviceType", ServiceType.CHANGE);
    expected.put("userType", AccountType.ORGANISATION);
    expected.put("handlingPoint", "SD_LIAOCHENG");
    expected.put("submittedFrom", LocalDateTime.of(2026, 11, 30, 16, 0));
    expected.put("submittedBefore", LocalDateTime.of(2026, 12, 7, 16, 0));
    expected.put("name", "%聊城市示例%");
    assertEquals(expected, q.parameters(), "Beijing days in UTC; the last day included");
    for (String condition :
        new String[] {
          "a.serviceType = :serviceType",
          "a.userType = :userType",
          "a.handlingPointCode = :handlingPoint",
          "a.submittedAt >= :submittedFrom",
          "a.submittedAt < :submittedBefore",
          "LOWER(acc.displayName) LIKE :name ESCAPE '!'"
        }) {
      for (String query : texts(q)) {
        assertTrue(query.contains(condition), condition + " in " + query);
      }
    }
    assertFalse(q.count().contains(":code"), "a name is no code");
  }

  @Test
  void aTextOfLettersAndDigitsIsAlsoTheStartOfACode() {
    ReviewQueueQuery q = ReviewQueueQuery.of(filterOfApplicant("91350100m0"), REVIEWER);

    assertEquals("%91350100m0%", q.parameters().get("name"));
    assertEquals("91350100M0%", q.parameters().get("code"), "codes are upper case");
    for (String query : texts(q)) {
      assertTrue(
          query.contains(
              " AND (EXISTS (SELECT acc.id FROM Account acc WHERE acc.loginName = a.ownerLoginName"
                  + " AND LOWER(acc.displayName) LIKE :name ESCAPE '!')"
                  + " OR a.ownerLoginName LIKE :code ESCAPE '!')"),
          query);
    }
  }

  @Test
  void aNameIsMatchedInAnyCase() {
    assertEquals(
        "%john smith%",
        ReviewQueueQuery.of(filterOfApplicant("John SMITH"), REVIEWER).parameters().get("name"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "' OR '1'='1",
        "x') OR 1=1 OR (a.id <> 0",
        "张三' AND a.price > 0 --",
        "a.status",
        ":reviewer",
        "%",
        "_",
        "!",
        "聊城 ORDER BY a.id DESC"
      })
  void nothingTypedBecomesPartOfTheQuery(String typed) {
    ReviewQueueQuery q = ReviewQueueQuery.of(filterOfApplicant(typed), REVIEWER);
    ReviewQueueQuery plain = ReviewQueueQuery.of(filterOfApplicant("张三"), REVIEWER);

    assertEquals(texts(plain), texts(q), "the same query texts as for any other name");
    assertEquals(
        "%" + ReviewQueueQuery.escaped(typed.strip().toLowerCase(java.util.Locale.ROOT)) + "%",
        q.parameters().get("name"));
  }

  @Test
  void theWildcardsOfLikeAreMatchedLiterally() {
    assertEquals("50!%!_!!", ReviewQueueQuery.escaped("50%_!"));
    assertEquals(
        "%50!%!_!!%",
        ReviewQueueQuery.of(filterOfApplicant("50%_!"), REVIEWER).parameters().get("name"));
  }

  @Test
  void blankAndOverlongTextsAndStaffAreNoFilter() {
    assertEquals(
        Map.of("reviewer", REVIEWER),
        ReviewQueueQuery.of(
                new ReviewQueueFilter(null, AccountType.STAFF, "  ", null, null, "   "), REVIEWER)
            .parameters());
    String longText = "名".repeat(100);
    assertEquals(
        "%" + "名".repeat(ReviewQueueQuery.MAX_APPLICANT_TEXT) + "%",
        ReviewQueueQuery.of(filterOfApplicant(longText), REVIEWER).parameters().get("name"));
  }

  @Test
  void theDaysAreBeijingDays() {
    assertEquals(
        LocalDateTime.of(2026, 1, 31, 16, 0),
        ReviewQueueQuery.startOfDayUtc(LocalDate.of(2026, 2, 1)));
    assertEquals(
        "2026-12-07 10:30", ReviewService.beijingMinutes(LocalDateTime.of(2026, 12, 7, 2, 30)));
  }

  /** Every query text of the queue: both statuses' pages and the count. */
  private static List<String> texts(ReviewQueueQuery q) {
    return List.of(
        q.select(OrderStatus.AWAITING_REVIEW),
        q.select(OrderStatus.AWAITING_SECOND_REVIEW),
        q.count());
  }

  private static ReviewQueueFilter filterOfApplicant(String text) {
    return new ReviewQueueFilter(null, null, null, null, null, text);
  }
}
