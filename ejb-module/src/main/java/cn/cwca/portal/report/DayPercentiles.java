package cn.cwca.portal.report;

import java.io.Serializable;
import java.time.LocalDate;

/** The {@link Percentiles} of the orders that reached the end of a lead time on a Beijing day. */
public record DayPercentiles(LocalDate day, Percentiles percentiles) implements Serializable {}
