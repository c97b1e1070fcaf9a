package cn.cwca.portal.certificate;

import cn.cwca.portal.common.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * How many OCSP answers this server signs per second at most ({@value #SETTING}, {@value
 * #DEFAULT_PER_SECOND} by default), so that a flood of requests degrades to kept answers instead of
 * one registry query and one signature each (RFC 5019 practice):
 *
 * <ul>
 *   <li>while fewer than half of the second's signatures are spent, a request with a nonce gets a
 *       fresh answer that echoes it;
 *   <li>past half, nonces are ignored (RFC 6960 lets a responder leave them out): the answer kept
 *       for the same certificates, or one signed without the nonce and kept;
 *   <li>once all are spent, a request without a kept answer gets {@code tryLater}, unsigned.
 * </ul>
 *
 * Counted per calendar second on this server.
 */
@ApplicationScoped
public class OcspSignatureBudget {

  /** Signatures per second. */
  public static final String SETTING = "caportal.ocsp.signaturesPerSecond";

  /**
   * About 40% of what one 2-core server signs (docs/benchmark.md): floods stay bounded while the
   * distinct certificates of a busy day are each answered once per cache period.
   */
  public static final int DEFAULT_PER_SECOND = 2000;

  Clock clock = Clock.systemUTC();

  private long second = Long.MIN_VALUE;
  private int spent;

  /** Whether an answer may echo the request's nonce: less than half of this second's spent. */
  public synchronized boolean nonceEchoAllowed() {
    roll();
    return spent < (perSecond() + 1) / 2;
  }

  /** Takes one signature of this second's, if any is left. */
  public synchronized boolean tryTake() {
    roll();
    if (spent >= perSecond()) {
      return false;
    }
    spent++;
    return true;
  }

  private void roll() {
    long now = Math.floorDiv(clock.millis(), 1000);
    if (now != second) {
      second = now;
      spent = 0;
    }
  }

  private static int perSecond() {
    return Settings.positive(SETTING, DEFAULT_PER_SECOND);
  }
}
