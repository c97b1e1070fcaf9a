package cn.cwca.portal.review;

import cn.cwca.portal.common.Settings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.logging.Logger;

/**
 * 领取: a reviewer claims an order before deciding on it, so that two reviewers never work on the
 * same one. A claim lasts {@link #length() a configured time} from the holder's last activity; once
 * it has run out another reviewer may take the order over.
 */
final class ReviewClaims {

  /** How long a claim lasts, in minutes (system property; default {@value #DEFAULT_MINUTES}). */
  static final String CLAIM_MINUTES = "caportal.review.claimMinutes";

  static final long DEFAULT_MINUTES = 30;

  private static final Logger LOG = Logger.getLogger(ReviewClaims.class.getName());

  /** Who holds an order, seen by a reviewer at a moment. */
  enum Holding {
    /** Nobody claimed it. */
    FREE,
    /** The reviewer holds it (their claim may have run out, nobody took it since). */
    MINE,
    /** Another reviewer claimed it and the claim has run out: it may be taken over. */
    EXPIRED,
    /** Another reviewer holds it. */
    OTHERS
  }

  private ReviewClaims() {}

  /** The holding of an order claimed by {@code claimedBy} until {@code claimedUntil}. */
  static Holding holding(
      String claimedBy, LocalDateTime claimedUntil, String reviewer, LocalDateTime now) {
    if (claimedBy == null || claimedUntil == null) {
      return Holding.FREE;
    }
    if (claimedBy.equals(reviewer)) {
      return Holding.MINE;
    }
    return claimedUntil.isAfter(now) ? Holding.OTHERS : Holding.EXPIRED;
  }

  /** How long a claim lasts from the holder's last activity. */
  static Duration length() {
    return Duration.ofMinutes(minutes(Settings.value(CLAIM_MINUTES).orElse(null)));
  }

  /** The configured minutes; the default for a missing, unreadable or non-positive value. */
  static long minutes(String configured) {
    if (configured == null) {
      return DEFAULT_MINUTES;
    }
    try {
      long minutes = Long.parseLong(configured.strip());
      if (minutes > 0 && minutes <= Duration.ofDays(1).toMinutes()) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.warning(
        () ->
            CLAIM_MINUTES
                + "="
                + configured
                + " is not a number of minutes from 1 to 1440; using "
                + DEFAULT_MINUTES);
    return DEFAULT_MINUTES;
  }
}
