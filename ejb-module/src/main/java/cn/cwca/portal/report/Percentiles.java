package cn.cwca.portal.report;

import java.io.Serializable;
import java.time.Duration;

/**
 * The median and the 90th percentile of durations (PostgreSQL's {@code percentile_cont}: linear
 * between the two nearest values).
 *
 * @param orders how many durations; 0 when there were none, and then both are {@code null}
 */
public record Percentiles(long orders, Duration median, Duration p90) implements Serializable {

  /** No orders. */
  public static final Percentiles NONE = new Percentiles(0, null, null);

  /** From seconds as PostgreSQL gives them, to the millisecond. */
  static Percentiles ofSeconds(long orders, double median, double p90) {
    return new Percentiles(orders, seconds(median), seconds(p90));
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** The median in hours, or {@code null}. */
  public Double medianHours() {
    return hours(median);
  }

  /** The 90th percentile in hours, or {@code null}. */
  public Double p90Hours() {
    return hours(p90);
  }

  private static Double hours(Duration d) {
    return d == null ? null : d.toMillis() / 3_600_000.0;
  }
}
