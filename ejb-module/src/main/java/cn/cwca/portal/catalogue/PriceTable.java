package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.BusinessException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prices per service type, key (first free key or further paid key) and 证书年限, from the {@link
 * PriceEntry} rows. The years a service type offers are the years it has a price for. Where several
 * rows name the same key and years, the one that applies from the latest day wins, and on the same
 * day a row for the applicant's own type wins over one for both: use {@link #inForce} for the
 * prices an applicant is charged on a given day.
 */
public final class PriceTable {

  /** Of two rows for the same price, the one that applies. */
  private static final Comparator<PriceEntry> PRECEDENCE =
      Comparator.comparing(PriceEntry::getAppliesFrom)
          .thenComparing(e -> e.getApplicantScope() != ApplicantScope.BOTH);

  private final List<PriceEntry> entries;

  public PriceTable(Collection<PriceEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The prices an applicant of the type is charged on a Beijing day: the rows not retired, for the
   * type or both, applying from that day or earlier.
   */
  public static PriceTable inForce(
      Collection<PriceEntry> entries, AccountType applicantType, LocalDate day) {
    return new PriceTable(
        entries.stream()
            .filter(e -> !e.isRetired())
            .filter(e -> e.getApplicantScope().covers(applicantType))
            .filter(e -> !e.getAppliesFrom().isAfter(day))
            .toList());
  }

  /** The 证书年限 choices, ascending; empty for the types without years (变更, 丢失补办). */
  public List<Integer> yearOptions(ServiceType type, boolean furtherKey) {
    if (!type.needsYears()) {
      return List.of();
    }
    boolean further = type.distinguishesFurtherKey() && furtherKey;
    return entries.stream()
        .filter(e -> e.getServiceType() == type && e.isFurtherKey() == further && e.getYears() > 0)
        .map(PriceEntry::getYears)
        .distinct()
        .sorted()
        .toList();
  }

  /** The price, if the table has one; {@code years} is ignored for the types without years. */
  public Optional<PriceQuote> find(ServiceType type, boolean furtherKey, Integer years) {
    return entry(type, furtherKey, years).map(PriceEntry::quote);
  }

  /** The row that gives the price, if the table has one. */
  public Optional<PriceEntry> entry(ServiceType type, boolean furtherKey, Integer years) {
    boolean further = type.distinguishesFurtherKey() && furtherKey;
    int wanted = type.needsYears() ? (years == null ? -1 : years) : 0;
    return entries.stream()
        .filter(
            e ->
                e.getServiceType() == type && e.isFurtherKey() == further && e.getYears() == wanted)
        .max(PRECEDENCE);
  }

  /**
   * The price.
   *
   * @throws BusinessException {@code application.price.unavailable} when the table has none (e.g. a
   *     number of years no longer offered)
   */
  public PriceQuote quote(ServiceType type, boolean furtherKey, Integer years) {
    return find(type, furtherKey, years)
        .orElseThrow(() -> new BusinessException("application.price.unavailable"));
  }
}
