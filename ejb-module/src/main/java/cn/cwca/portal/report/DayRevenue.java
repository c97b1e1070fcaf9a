package cn.cwca.portal.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The payments settled on a Beijing day.
 *
 * @param payments how many
 * @param amount their sum in yuan
 */
public record DayRevenue(LocalDate day, long payments, BigDecimal amount) implements Serializable {}
