package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OcspAnswerCacheTest {

  private static final byte[] REQUEST = {1, 2, 3};
  private static final byte[] ANSWER = {4, 5, 6};
  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

  private final OcspAnswerCache cache = new OcspAnswerCache();

  @AfterEach
  void forgetTheSetting() {
    System.clearProperty(OcspAnswerCache.SECONDS_SETTING);
  }

  private void at(Instant instant) {
    cache.clock = Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void theSameRequestGetsTheKeptAnswerForTheConfiguredTime() {
    at(T0);
    cache.store(cache.ticket(REQUEST), ANSWER);
    at(T0.plus(Duration.ofSeconds(OcspAnswerCache.DEFAULT_SECONDS - 1)));
    assertArrayEquals(ANSWER, cache.cached(cache.ticket(REQUEST)).orElseThrow());
    at(T0.plus(Duration.ofSeconds(OcspAnswerCache.DEFAULT_SECONDS)));
    assertTrue(cache.cached(cache.ticket(REQUEST)).isEmpty(), "expired");
  }

  @Test
  void anotherRequestIsNotAnsweredFromTheCache() {
    at(T0);
    cache.store(cache.ticket(REQUEST), ANSWER);
    assertTrue(cache.cached(cache.ticket(new byte[] {1, 2, 4})).isEmpty());
  }

  @Test
  void aRevocationForgetsEveryAnswerAndRefusesOnesComputedBeforeIt() {
    at(T0);
    cache.store(cache.ticket(REQUEST), ANSWER);
    OcspAnswerCache.Ticket computing = cache.ticket(new byte[] {9});
    cache.revoked(new OcspAnswerCache.CertificateRevoked("4a5b"));
    assertTrue(cache.cached(cache.ticket(REQUEST)).isEmpty(), "forgotten");
    cache.store(computing, ANSWER);
    assertTrue(cache.cached(cache.ticket(new byte[] {9})).isEmpty(), "computed before it");
  }

  @Test
  void zeroSecondsKeepsNothing() {
    System.setProperty(OcspAnswerCache.SECONDS_SETTING, "0");
    at(T0);
    cache.store(cache.ticket(REQUEST), ANSWER);
    assertTrue(cache.cached(cache.ticket(REQUEST)).isEmpty());
  }

  @Test
  void keepsAtMostItsBound() {
    at(T0);
    for (int i = 0; i < OcspAnswerCache.MAX_ENTRIES + 10; i++) {
      cache.store(cache.ticket(new byte[] {(byte) i, (byte) (i >> 8)}), ANSWER);
    }
    assertEquals(OcspAnswerCache.MAX_ENTRIES, cache.size());
    at(T0.plus(Duration.ofMinutes(1)));
    cache.store(cache.ticket(REQUEST), ANSWER);
    assertEquals(1, cache.size(), "expired answers make room");
  }
}
