package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.ServiceType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
    assertTrue(q.select().startsWith(ReviewQueueQuery.COLUMNS + " FROM CertificateApplication a"));
    assertTrue(q.select().endsWith(" ORDER BY a.submittedAt, a.id"), q.select());
    assertTrue(
        q.select()
            .contains(
                "a.status IN (cn.cwca.portal.application.OrderStatus.AWAITING_REVIEW,"
                    + " cn.cwca.portal.application.OrderStatus.AWAITING_SECOND_REVIEW)"));
    assertTrue(q.select().contains("a.ownerLoginName <> :reviewer"), "not the reviewer's own");
    assertTrue(
        q.select().contains("d.stage = 1 AND d.reviewer = :reviewer"),
        "not a second approval of the reviewer's first");
    assertTrue(q.count().startsWith("SELECT COUNT(a) FROM CertificateApplication a"));
    assertFalse(q.count().contains("ORDER BY"));
    assertEquals(
        q.select().substring(ReviewQueueQuery.COLUMNS.length()),
        q.count().substring("SELECT COUNT(a)".length()) + " ORDER BY a.submittedAt, a.id",
        "the count has the same conditions");
    assertEquals(ReviewQueueQuery.of(ReviewQueueFilter.NONE, REVIEWER).select(), q.select());
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
      assertTrue(q.select().contains(condition), condition);
      assertTrue(q.count().contains(condition), condition);
    }
    assertFalse(q.select().contains(":code"), "a name is no code");
  }

  @Test
  void aTextOfLettersAndDigitsIsAlsoTheStartOfACode() {
    ReviewQueueQuery q = ReviewQueueQuery.of(filterOfApplicant("91350100m0"), REVIEWER);

    assertEquals("%91350100m0%", q.parameters().get("name"));
    assertEquals("91350100M0%", q.parameters().get("code"), "codes are upper case");
    assertTrue(
        q.select()
            .contains(
                "AND (LOWER(acc.displayName) LIKE :name ESCAPE '!'"
                    + " OR a.ownerLoginName LIKE :code ESCAPE '!')"),
        q.select());
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

    assertEquals(plain.select(), q.select(), "the same query text as for any other name");
    assertEquals(plain.count(), q.count());
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

  private static ReviewQueueFilter filterOfApplicant(String text) {
    return new ReviewQueueFilter(null, null, null, null, null, text);
  }
}
