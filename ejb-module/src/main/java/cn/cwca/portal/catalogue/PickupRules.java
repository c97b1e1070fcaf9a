package cn.cwca.portal.catalogue;

import cn.cwca.portal.common.BusinessException;
import java.util.Collection;
import java.util.List;

/**
 * Which 取key方式 an application may choose, from the {@link PickupOption} rows (user manual 4.1.x.3):
 * e.g. a first 新办 key is shipped from or collected at 山东聊城, a further one only shipped from 宁夏银川, a
 * renewal is self-service. The key count only matters for the types that {@linkplain
 * ServiceType#distinguishesFurtherKey() tell keys apart}.
 */
public final class PickupRules {

  private final List<PickupOption> options;

  /** The rules of the options offered among {@code options} (retired ones are left out). */
  public PickupRules(Collection<PickupOption> options) {
    this.options = options.stream().filter(PickupOption::isOffered).toList();
  }

  /** The options for a service type and key, in display order; empty when there is none. */
  public List<PickupOption> optionsFor(ServiceType type, boolean furtherKey) {
    boolean further = type.distinguishesFurtherKey() && furtherKey;
    return options.stream()
        .filter(o -> o.getServiceType() == type && o.isFurtherKey() == further)
        .toList();
  }

  /** The methods allowed for a service type and key, without repetition, in display order. */
  public List<PickupMethod> methodsFor(ServiceType type, boolean furtherKey) {
    return optionsFor(type, furtherKey).stream().map(PickupOption::getMethod).distinct().toList();
  }

  /**
   * The option the applicant chose: the method must be allowed; the handling point may be left out
   * ({@code null}) when the method has only one.
   *
   * @throws BusinessException {@code application.pickup.methodRequired} without a method; {@code
   *     application.pickup.notAllowed} for a method or handling point the rules do not allow;
   *     {@code application.pickup.handlingPointRequired} when the method has several handling
   *     points and none was chosen
   */
  public PickupOption choose(
      ServiceType type, boolean furtherKey, PickupMethod method, String handlingPointCode) {
    if (method == null) {
      throw new BusinessException("application.pickup.methodRequired");
    }
    List<PickupOption> candidates =
        optionsFor(type, furtherKey).stream().filter(o -> o.getMethod() == method).toList();
    if (candidates.isEmpty()) {
      throw new BusinessException("application.pickup.notAllowed");
    }
    if (handlingPointCode == null || handlingPointCode.isBlank()) {
      if (candidates.size() > 1) {
        throw new BusinessException("application.pickup.handlingPointRequired");
      }
      return candidates.get(0);
    }
    return candidates.stream()
        .filter(o -> o.getHandlingPoint().getCode().equals(handlingPointCode.strip()))
        .findFirst()
        .orElseThrow(() -> new BusinessException("application.pickup.notAllowed"));
  }

  /** Whether a stored choice is still allowed (rules or the service type may have changed). */
  public boolean allows(
      ServiceType type, boolean furtherKey, PickupMethod method, String handlingPointCode) {
    return optionsFor(type, furtherKey).stream()
        .anyMatch(
            o ->
                o.getMethod() == method
                    && o.getHandlingPoint().getCode().equals(handlingPointCode));
  }
}
