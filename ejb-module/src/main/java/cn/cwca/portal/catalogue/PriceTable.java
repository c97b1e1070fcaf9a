package cn.cwca.portal.catalogue;

import cn.cwca.portal.common.BusinessException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Prices per service type, key (first free key or further paid key) and 证书年限, from the {@link
 * PriceEntry} rows. The years a service type offers are the years it has a price for.
 */
public final class PriceTable {

  private final List<PriceEntry> entries;

  public PriceTable(Collection<PriceEntry> entries) {
    this.entries = List.copyOf(entries);
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
    boolean further = type.distinguishesFurtherKey() && furtherKey;
    int wanted = type.needsYears() ? (years == null ? -1 : years) : 0;
    return entries.stream()
        .filter(
            e ->
                e.getServiceType() == type && e.isFurtherKey() == further && e.getYears() == wanted)
        .findFirst()
        .map(PriceEntry::quote);
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
