package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of the catalogue's changes, apart from the database: what a price, a 办理点 and a text may
 * be, and what the catalogue must keep so that every service type can still be applied for (a price
 * in force for each key and applicant type, and a 取key方式 at a handling point not retired).
 */
public final class CatalogueRules {

  /** The applicant types a price must exist for. */
  static final List<AccountType> APPLICANT_TYPES =
      List.of(AccountType.NATURAL_PERSON, AccountType.ORGANISATION);

  /** The most 证书年限 a price may name (the table's check). */
  public static final int MAX_YEARS = 10;

  /** The highest amount the table's numeric(10,2) holds. */
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

  /** A new 办理点's code: upper-case letters, digits and _, a letter first, e.g. SD_LIAOCHENG. */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");

  /** A telephone number as the portal shows it: digits and hyphens, e.g. 4007-188588. */
  private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{3,18}[0-9]");

  private CatalogueRules() {}

  /**
   * The row of a new price, checked: a price applies from today (Beijing) or later, never to the
   * past, so that what an applicant was shown and charged stays true.
   *
   * @throws BusinessException {@code validation.required}; {@code catalogue.price.furtherKey};
   *     {@code catalogue.price.years}; {@code catalogue.price.amount}; {@code
   *     catalogue.price.keyAmount}; {@code catalogue.price.appliesFromPast}
   */
  public static PriceEntry newPrice(NewPrice p, LocalDate today) {
    if (p == null
        || p.serviceType() == null
        || p.applicantScope() == null
        || p.appliesFrom() == null
        || p.amount() == null) {
      throw new BusinessException("validation.required");
    }
    ServiceType type = p.serviceType();
    if (p.furtherKey() && !type.distinguishesFurtherKey()) {
      throw new BusinessException("catalogue.price.furtherKey");
    }
    int years = p.years() == null ? 0 : p.years();
    if (type.needsYears() ? years < 1 || years > MAX_YEARS : years != 0) {
      throw new BusinessException("catalogue.price.years", MAX_YEARS);
    }
    BigDecimal amount = money(p.amount(), "catalogue.price.amount");
    BigDecimal keyAmount =
        p.keyAmount() == null
            ? BigDecimal.ZERO.setScale(2)
            : money(p.keyAmount(), "catalogue.price.keyAmount");
    if (keyAmount.compareTo(amount) > 0) {
      throw new BusinessException("catalogue.price.keyAmount");
    }
    if (p.appliesFrom().isBefore(today)) {
      throw new BusinessException("catalogue.price.appliesFromPast");
    }
    return new PriceEntry(
        type,
        p.furtherKey(),
        years,
        p.applicantScope(),
        p.appliesFrom(),
        PriceQuote.itemised(amount, keyAmount));
  }

  /**
   * Refuses a catalogue whose prices leave a service type without a price in force today for one of
   * its keys and applicant types.
   *
   * @param rows every price row as it would be after the change (retired ones are ignored)
   * @throws BusinessException {@code catalogue.price.last} naming the service type
   */
  public static void keepPrices(Collection<PriceEntry> rows, LocalDate today) {
    for (AccountType applicant : APPLICANT_TYPES) {
      PriceTable table = PriceTable.inForce(rows, applicant, today);
      for (ServiceType type : ServiceType.values()) {
        for (boolean further : keys(type)) {
          boolean priced =
              type.needsYears()
                  ? !table.yearOptions(type, further).isEmpty()
                  : table.find(type, further, null).isPresent();
          if (!priced) {
            throw new BusinessException("catalogue.price.last", serviceTypeName(type));
          }
        }
      }
    }
  }

  /**
   * Refuses pickup rules that leave a service type without a 取key方式 at a handling point not
   * retired, for one of its keys.
   *
   * @param options every pickup option as it would be after the change, with its handling point as
   *     it would be
   * @throws BusinessException {@code catalogue.handlingPoint.last} naming the service type
   */
  public static void keepHandlingPoints(Collection<PickupOption> options) {
    PickupRules rules = new PickupRules(options);
    for (ServiceType type : ServiceType.values()) {
      for (boolean further : keys(type)) {
        if (rules.optionsFor(type, further).isEmpty()) {
          throw new BusinessException("catalogue.handlingPoint.last", serviceTypeName(type));
        }
      }
    }
  }

  /**
   * A new 办理点's code, stripped.
   *
   * @throws BusinessException {@code validation.required}; {@code catalogue.handlingPoint.code}
   */
  public static String handlingPointCode(String code) {
    if (code == null || code.isBlank()) {
      throw new BusinessException("validation.required");
    }
    String stripped = code.strip();
    if (!CODE.matcher(stripped).matches()) {
      throw new BusinessException("catalogue.handlingPoint.code");
    }
    return stripped;
  }

  /**
   * A 办理点's details, stripped.
   *
   * @throws BusinessException {@code validation.required}; {@code catalogue.handlingPoint.name};
   *     {@code catalogue.handlingPoint.address}; {@code catalogue.handlingPoint.hours}; {@code
   *     catalogue.phone}; {@code catalogue.handlingPoint.servesNothing}
   */
  public static HandlingPointDetails handlingPoint(HandlingPointDetails d) {
    if (d == null || blank(d.name()) || blank(d.address())) {
      throw new BusinessException("validation.required");
    }
    String name = text(d.name(), 100, "catalogue.handlingPoint.name");
    String address = text(d.address(), 200, "catalogue.handlingPoint.address");
    String hours = blank(d.hours()) ? "" : text(d.hours(), 100, "catalogue.handlingPoint.hours");
    String phone = blank(d.phone()) ? "" : phone(d.phone());
    if (!d.ships() && !d.handsOver()) {
      throw new BusinessException("catalogue.handlingPoint.servesNothing");
    }
    return new HandlingPointDetails(name, address, hours, phone, d.ships(), d.handsOver());
  }

  /**
   * Refuses a 取key方式 at a handling point that does not serve its method (邮寄 at a point that does
   * not ship, 自取 at one that does not hand keys over), or at a retired one.
   *
   * @throws BusinessException {@code catalogue.pickup.pointCannotServe}; {@code
   *     catalogue.handlingPoint.retired}
   */
  public static void pointServes(HandlingPoint point, PickupMethod method) {
    if (point.isRetired()) {
      throw new BusinessException("catalogue.handlingPoint.retired");
    }
    if (!point.serves(method)) {
      throw new BusinessException("catalogue.pickup.pointCannotServe");
    }
  }

  /**
   * Refuses details that stop a handling point serving a method its offered options use.
   *
   * @param options the offered options of the point
   * @throws BusinessException {@code catalogue.handlingPoint.inUse}
   */
  public static void keepsServing(HandlingPointDetails d, Collection<PickupOption> options) {
    for (PickupOption o : options) {
      boolean served =
          switch (o.getMethod()) {
            case COURIER -> d.ships();
            case PICKUP -> d.handsOver();
            case SELF_SERVICE -> true;
          };
      if (o.isOffered() && !served) {
        throw new BusinessException("catalogue.handlingPoint.inUse");
      }
    }
  }

  /**
   * Refuses asking for a document in a way the portal cannot work with: the 《数字证书申请单》 the portal
   * fills in is always required.
   *
   * @throws BusinessException {@code validation.required}; {@code
   *     catalogue.document.applicationFormRequired}
   */
  public static void documentAsk(DocumentType document, DocumentAsk ask) {
    if (document == null || ask == null) {
      throw new BusinessException("validation.required");
    }
    if (document == DocumentType.APPLICATION_FORM && ask != DocumentAsk.REQUIRED) {
      throw new BusinessException("catalogue.document.applicationFormRequired");
    }
  }

  /**
   * A text for applicants, stripped; line breaks are kept.
   *
   * @throws BusinessException {@code validation.required}; {@code catalogue.text.tooLong}; {@code
   *     catalogue.phone} for the 客服电话
   */
  public static String portalText(PortalTextKey key, String content) {
    if (key == null || blank(content)) {
      throw new BusinessException("validation.required");
    }
    if (key == PortalTextKey.CUSTOMER_SERVICE_PHONE) {
      return phone(content);
    }
    return text(content, key.maxLength(), "catalogue.text.tooLong");
  }

  /** The keys of a service type: the first, and a further one where it tells keys apart. */
  static List<Boolean> keys(ServiceType type) {
    return type.distinguishesFurtherKey() ? List.of(false, true) : List.of(false);
  }

  private static String serviceTypeName(ServiceType type) {
    return Messages.text("serviceType." + type.name());
  }

  private static BigDecimal money(BigDecimal value, String messageKey) {
    if (value.signum() < 0
        || value.compareTo(MAX_AMOUNT) > 0
        || value.stripTrailingZeros().scale() > 2) {
      throw new BusinessException(messageKey);
    }
    return value.setScale(2);
  }

  private static String phone(String value) {
    String stripped = value.strip();
    if (!PHONE.matcher(stripped).matches()) {
      throw new BusinessException("catalogue.phone");
    }
    return stripped;
  }

  private static String text(String value, int max, String messageKey) {
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) > max) {
      throw new BusinessException(messageKey, max);
    }
    return stripped;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
