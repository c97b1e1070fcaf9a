package cn.cwca.portal.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The payments settled in a month (Beijing time), within the report's range: the first and the last
 * month may be partial.
 *
 * @param payments how many
 * @param amount their sum in yuan
 */
public record MonthRevenue(YearMonth month, long payments, BigDecimal amount)
    implements Serializable {}
