package cn.cwca.portal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.cwca.portal.review.ReviewClaims.Holding;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Who holds an order for review, and how long a claim lasts. */
class ReviewClaimsTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 2, 0);

  @Test
  void anUnclaimedOrderIsFree() {
    assertEquals(Holding.FREE, ReviewClaims.holding(null, null, "a", NOW));
  }

  @Test
  void theHolderHoldsItEvenAfterTheClaimRanOutAsLongAsNobodyTookItOver() {
    assertEquals(Holding.MINE, ReviewClaims.holding("a", NOW.plusMinutes(5), "a", NOW));
    assertEquals(Holding.MINE, ReviewClaims.holding("a", NOW.minusMinutes(5), "a", NOW));
  }

  @Test
  void anotherReviewersClaimHoldsUntilItRunsOut() {
    assertEquals(Holding.OTHERS, ReviewClaims.holding("b", NOW.plusSeconds(1), "a", NOW));
    assertEquals(Holding.EXPIRED, ReviewClaims.holding("b", NOW, "a", NOW));
    assertEquals(Holding.EXPIRED, ReviewClaims.holding("b", NOW.minusMinutes(1), "a", NOW));
  }

  @Test
  void aClaimLastsThirtyMinutesUnlessConfiguredOtherwise() {
    assertEquals(30, ReviewClaims.minutes(null));
    assertEquals(45, ReviewClaims.minutes(" 45 "));
    assertEquals(30, ReviewClaims.minutes("0"));
    assertEquals(30, ReviewClaims.minutes("-5"));
    assertEquals(30, ReviewClaims.minutes("half an hour"));
    assertEquals(30, ReviewClaims.minutes("100000"));
    String before = System.getProperty(ReviewClaims.CLAIM_MINUTES);
    try {
      System.setProperty(ReviewClaims.CLAIM_MINUTES, "2");
      assertEquals(Duration.ofMinutes(2), ReviewClaims.length());
    } finally {
      if (before == null) {
        System.clearProperty(ReviewClaims.CLAIM_MINUTES);
      } else {
        System.setProperty(ReviewClaims.CLAIM_MINUTES, before);
      }
    }
  }
}
