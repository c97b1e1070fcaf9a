package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.ServiceType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue's statements from the filters: the text of a statement depends only on which filters
 * are set, every value is a parameter, and nothing a client typed becomes part of the statement.
 * (Their plans and results: {@code ReviewQueuePostgresTest}.)
 */
class ReviewQueueQueryTest {

  private static final String REVIEWER = "it-reviewer";

  @Test
  void withoutFiltersTheQueueIsBothStatusesOldestFirstNeverTheReviewersOwn() {
    ReviewQueueQuery.Sql page = ReviewQueueQuery.of(null, REVIEWER).page(20, 10);

    assertEquals(
        "SELECT * FROM ((SELECT "
            + ReviewQueueQuery.COLUMNS
            + " FROM certificate_application a WHERE a.status = 'AWAITING_REVIEW'"
            + " AND a.owner_login_name <> ?1 ORDER BY a.submitted_at, a.id LIMIT ?2)"
            + " UNION ALL (SELECT "
            + ReviewQueueQuery.COLUMNS
            + " FROM certificate_application a WHERE a.status = 'AWAITING_SECOND_REVIEW'"
            + " AND a.owner_login_name <> ?3 AND NOT EXISTS (SELECT 1 FROM review_decision d"
            + " WHERE d.application_id = a.id AND d.round = a.review_round AND d.stage = 1"
            + " AND d.reviewer = ?4) ORDER BY a.submitted_at, a.id LIMIT ?5))"
            + " q ORDER BY q.submitted_at, q.id LIMIT ?6 OFFSET ?7",
        page.text(),
        "each status up to the end of the page, then the page of both");
    assertEquals(List.of(REVIEWER, 30, REVIEWER, REVIEWER, 30, 10, 20), page.parameters());
    assertEquals(
        ReviewQueueQuery.of(ReviewQueueFilter.NONE, REVIEWER).page(20, 10).text(), page.text());
  }

  @Test
  void theCountCountsEachPartUpToItsLimit() {
    ReviewQueueQuery.Sql count = ReviewQueueQuery.of(null, REVIEWER).count(1_001);

    assertTrue(count.text().startsWith("SELECT COUNT(*) FROM ((SELECT 1 FROM"), count.text());
    assertTrue(count.text().contains("ORDER BY a.submitted_at, a.id LIMIT ?2)"), count.text());
    assertEquals(List.of(REVIEWER, 1_001, REVIEWER, REVIEWER, 1_001), count.parameters());
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

    ReviewQueueQuery.Sql count = q.count(1_001);
    assertEquals(
        List.of(
            REVIEWER,
            "CHANGE",
            "ORGANISATION",
            "SD_LIAOCHENG",
            LocalDateTime.of(2026, 11, 30, 16, 0),
            LocalDateTime.of(2026, 12, 7, 16, 0),
            "%聊城市示例%",
            1_001),
        count.parameters().subList(0, 8),
        "Beijing days in UTC; the last day included");
    for (String condition :
        new String[] {
          "a.service_type = ?2",
          "a.user_type = ?3",
          "a.handling_point_code = ?4",
          "a.submitted_at >= ?5",
          "a.submitted_at < ?6",
          "a.owner_login_name IN (SELECT acc.login_name FROM account acc"
              + " WHERE LOWER(acc.display_name) LIKE ?7 ESCAPE '!')"
        }) {
      assertTrue(count.text().contains(condition), condition + " in " + count.text());
      assertTrue(q.page(0, 10).text().contains(condition), condition);
    }
    assertFalse(count.text().contains("owner_login_name LIKE"), "a name is no code");
  }

  @Test
  void aTextOfLettersAndDigitsIsAlsoTheStartOfACodeInAPartOfItsOwn() {
    ReviewQueueQuery.Sql count =
        ReviewQueueQuery.of(filterOfApplicant("91350100m0"), REVIEWER).count(1_001);

    assertEquals(
        List.of(REVIEWER, "%91350100m0%", 1_001, REVIEWER, "91350100M0%", "%91350100m0%", 1_001),
        count.parameters().subList(0, 7),
        "codes are upper case");
    assertTrue(
        count
            .text()
            .contains(
                " UNION ALL (SELECT 1 FROM certificate_application a WHERE a.status ="
                    + " 'AWAITING_REVIEW' AND a.owner_login_name <> ?4"
                    + " AND a.owner_login_name LIKE ?5 ESCAPE '!' AND NOT EXISTS (SELECT 1"
                    + " FROM account acc WHERE acc.login_name = a.owner_login_name"
                    + " AND LOWER(acc.display_name) LIKE ?6 ESCAPE '!')"),
        "the code part leaves out the name part's orders: " + count.text());
    assertEquals(4, count.text().split("UNION ALL").length, "two parts per status");
  }

  @Test
  void aNameIsMatchedInAnyCase() {
    assertTrue(
        ReviewQueueQuery.of(filterOfApplicant("John SMITH"), REVIEWER)
            .count(1)
            .parameters()
            .contains("%john smith%"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "' OR '1'='1",
        "x') OR 1=1 OR (a.id <> 0",
        "张三' AND a.price > 0 --",
        "a.status",
        "?1",
        "%",
        "_",
        "!",
        "聊城 ORDER BY a.id DESC"
      })
  void nothingTypedBecomesPartOfTheStatements(String typed) {
    ReviewQueueQuery q = ReviewQueueQuery.of(filterOfApplicant(typed), REVIEWER);
    ReviewQueueQuery plain = ReviewQueueQuery.of(filterOfApplicant("张三"), REVIEWER);

    assertEquals(plain.page(0, 10).text(), q.page(0, 10).text());
    assertEquals(plain.count(5).text(), q.count(5).text());
    assertTrue(
        q.count(5)
            .parameters()
            .contains(
                "%"
                    + ReviewQueueQuery.escaped(typed.strip().toLowerCase(java.util.Locale.ROOT))
                    + "%"));
  }

  @Test
  void theWildcardsOfLikeAreMatchedLiterally() {
    assertEquals("50!%!_!!", ReviewQueueQuery.escaped("50%_!"));
    assertTrue(
        ReviewQueueQuery.of(filterOfApplicant("50%_!"), REVIEWER)
            .count(1)
            .parameters()
            .contains("%50!%!_!!%"));
  }

  @Test
  void blankAndOverlongTextsAndStaffAreNoFilter() {
    assertEquals(
        ReviewQueueQuery.of(null, REVIEWER).count(1),
        ReviewQueueQuery.of(
                new ReviewQueueFilter(null, AccountType.STAFF, "  ", null, null, "   "), REVIEWER)
            .count(1));
    String longText = "名".repeat(100);
    assertTrue(
        ReviewQueueQuery.of(filterOfApplicant(longText), REVIEWER)
            .count(1)
            .parameters()
            .contains("%" + "名".repeat(ReviewQueueQuery.MAX_APPLICANT_TEXT) + "%"));
  }

  @Test
  void theTotalIsCountedPastThePageToTheEndOfItsThousand() {
    assertEquals(1_000, ReviewQueueQuery.countedUpTo(0, 20));
    assertEquals(1_000, ReviewQueueQuery.countedUpTo(960, 20));
    assertEquals(2_000, ReviewQueueQuery.countedUpTo(980, 20), "the last page offers the next");
    assertEquals(11_000, ReviewQueueQuery.countedUpTo(ReviewService.MAX_FIRST, 100));
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
