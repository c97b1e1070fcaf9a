package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BeijingDays;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.persistence.AdvisoryLocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * 目录维护: administrators edit the catalogue: prices, 办理点, the pickup rules, the document requirements
 * and the texts applicants read. Each change is one transaction with its audit entry (actor: the
 * administrator; target: {@code catalogue:<part>:<row>}; details: the values before and after),
 * checked by {@link CatalogueRules} against the whole catalogue as it would be after it, so that
 * every service type can still be applied for.
 *
 * <p>A price change is a new row applying from a Beijing day; orders keep the amount they were
 * submitted with. Rows that orders or rules point to are retired, never deleted. Changes wait for
 * each other (an advisory lock), so that two administrators cannot each retire one of the last two
 * prices of a service type; a change names the version of the row the page showed, and a changed
 * row is refused ({@code catalogue.concurrentEdit}) rather than overwritten.
 */
@Stateless
@DeclareRoles("ADMIN")
@RolesAllowed("ADMIN")
public class CatalogueService {

  /** Audit actions. */
  static final String PRICE_ADDED = "catalogue.priceAdded";

  static final String PRICE_RETIRED = "catalogue.priceRetired";
  static final String HANDLING_POINT_ADDED = "catalogue.handlingPointAdded";
  static final String HANDLING_POINT_CHANGED = "catalogue.handlingPointChanged";
  static final String HANDLING_POINT_RETIRED = "catalogue.handlingPointRetired";
  static final String HANDLING_POINT_REINSTATED = "catalogue.handlingPointReinstated";
  static final String PICKUP_OPTION_ADDED = "catalogue.pickupOptionAdded";
  static final String PICKUP_OPTION_RETIRED = "catalogue.pickupOptionRetired";
  static final String DOCUMENT_REQUIREMENT_CHANGED = "catalogue.documentRequirementChanged";
  static final String TEXT_CHANGED = "catalogue.textChanged";

  private static final String LOCK_SCOPE = "catalogue";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  // ---- prices ---------------------------------------------------------------------------------

  /** Every price row, retired ones too. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PriceEntry> prices() {
    return em.createNamedQuery(PriceEntry.EVERY, PriceEntry.class).getResultList();
  }

  /**
   * Sets a price from a day on: a new row; the row it follows stays for the days before.
   *
   * @throws BusinessException as {@link CatalogueRules#newPrice}; {@code catalogue.price.duplicate}
   *     when a row of the same price applies from the same day
   */
  public PriceEntry addPrice(NewPrice request, ClientInfo c) {
    lock();
    LocalDate today = today();
    PriceEntry entry = CatalogueRules.newPrice(request, today);
    List<PriceEntry> rows = activePrices();
    if (rows.stream()
        .anyMatch(e -> e.samePriceAs(entry) && e.getAppliesFrom().equals(entry.getAppliesFrom()))) {
      throw new BusinessException("catalogue.price.duplicate");
    }
    String before =
        rows.stream()
            .filter(e -> e.pricesTheSameFor(entry) && !e.getAppliesFrom().isAfter(today))
            .max(
                Comparator.comparing(PriceEntry::getAppliesFrom)
                    .thenComparing(e -> e.getApplicantScope() == entry.getApplicantScope()))
            .map(PriceEntry::describe)
            .orElse("none");
    em.persist(entry);
    flush();
    audit.record(
        actor(),
        PRICE_ADDED,
        "catalogue:price:" + entry.getId(),
        "in force today: " + before + " -> new: " + entry.describe(),
        c);
    return entry;
  }

  /**
   * Retires a price row.
   *
   * @throws BusinessException {@code catalogue.notFound}; {@code catalogue.concurrentEdit}; {@code
   *     catalogue.price.last} when a service type would have no price in force
   */
  public PriceEntry retirePrice(long id, long version, ClientInfo c) {
    lock();
    PriceEntry entry = found(em.find(PriceEntry.class, id), version, PriceEntry::getVersion);
    if (entry.isRetired()) {
      return entry;
    }
    List<PriceEntry> after = new ArrayList<>(activePrices());
    after.removeIf(e -> e.getId().equals(entry.getId()));
    CatalogueRules.keepPrices(after, today());
    entry.retire();
    flush();
    audit.record(
        actor(),
        PRICE_RETIRED,
        "catalogue:price:" + entry.getId(),
        "active: " + entry.describe() + " -> retired",
        c);
    return entry;
  }

  // ---- handling points ------------------------------------------------------------------------

  /** Every 办理点, retired ones too, in display order. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<HandlingPoint> handlingPoints() {
    return em.createNamedQuery(HandlingPoint.ALL, HandlingPoint.class).getResultList();
  }

  /**
   * Adds a 办理点; it serves no 取key方式 until a pickup rule names it.
   *
   * @throws BusinessException as {@link CatalogueRules#handlingPointCode} and {@link
   *     CatalogueRules#handlingPoint}; {@code catalogue.handlingPoint.duplicate}
   */
  public HandlingPoint addHandlingPoint(String code, HandlingPointDetails details, ClientInfo c) {
    lock();
    String checkedCode = CatalogueRules.handlingPointCode(code);
    HandlingPointDetails checked = CatalogueRules.handlingPoint(details);
    if (em.find(HandlingPoint.class, checkedCode) != null) {
      throw new BusinessException("catalogue.handlingPoint.duplicate");
    }
    int last = handlingPoints().stream().mapToInt(HandlingPoint::getSortOrder).max().orElse(0);
    HandlingPoint point = new HandlingPoint(checkedCode, checked, last + 1);
    em.persist(point);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new BusinessException("catalogue.handlingPoint.duplicate");
    }
    audit.record(
        actor(), HANDLING_POINT_ADDED, pointTarget(point), "none -> " + describe(checked), c);
    return point;
  }

  /**
   * Changes a 办理点's details. Orders submitted before keep the name and address they were given.
   *
   * @throws BusinessException {@code catalogue.notFound}; {@code catalogue.concurrentEdit}; as
   *     {@link CatalogueRules#handlingPoint}; {@code catalogue.handlingPoint.inUse} when it would
   *     stop serving a 取key方式 a rule offers there
   */
  public HandlingPoint changeHandlingPoint(
      String code, long version, HandlingPointDetails details, ClientInfo c) {
    lock();
    HandlingPoint point = point(code, version);
    HandlingPointDetails checked = CatalogueRules.handlingPoint(details);
    CatalogueRules.keepsServing(
        checked, allOptions().stream().filter(o -> o.getHandlingPoint().equals(point)).toList());
    HandlingPointDetails before = point.details();
    if (before.equals(checked)) {
      return point;
    }
    point.update(checked);
    flush();
    audit.record(
        actor(),
        HANDLING_POINT_CHANGED,
        pointTarget(point),
        describe(before) + " -> " + describe(checked),
        c);
    return point;
  }

  /**
   * Retires a 办理点: its 取key方式 are offered no more.
   *
   * @throws BusinessException {@code catalogue.notFound}; {@code catalogue.concurrentEdit}; {@code
   *     catalogue.handlingPoint.last} when a service type would be left without one
   */
  public HandlingPoint retireHandlingPoint(String code, long version, ClientInfo c) {
    lock();
    HandlingPoint point = point(code, version);
    if (point.isRetired()) {
      return point;
    }
    point.setRetired(true);
    try {
      CatalogueRules.keepHandlingPoints(allOptions());
    } catch (BusinessException refused) {
      point.setRetired(false);
      throw refused;
    }
    flush();
    audit.record(actor(), HANDLING_POINT_RETIRED, pointTarget(point), "active -> retired", c);
    return point;
  }

  /**
   * Offers a retired 办理点 again, with the pickup rules that name it.
   *
   * @throws BusinessException {@code catalogue.notFound}; {@code catalogue.concurrentEdit}
   */
  public HandlingPoint reinstateHandlingPoint(String code, long version, ClientInfo c) {
    lock();
    HandlingPoint point = point(code, version);
    if (!point.isRetired()) {
      return point;
    }
    point.setRetired(false);
    flush();
    audit.record(actor(), HANDLING_POINT_REINSTATED, pointTarget(point), "retired -> active", c);
    return point;
  }

  // ---- pickup rules ---------------------------------------------------------------------------

  /** Every pickup option, retired ones too, in display order. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PickupOption> pickupOptions() {
    return allOptions();
  }

  /**
   * Offers a 取key方式 at a 办理点 for a service type and key; a retired option of the same rule is
   * offered again.
   *
   * @throws BusinessException {@code validation.required}; {@code catalogue.price.furtherKey};
   *     {@code catalogue.notFound}; as {@link CatalogueRules#pointServes}; {@code
   *     catalogue.pickup.duplicate} when it is offered already
   */
  public PickupOption addPickupOption(
      ServiceType type,
      boolean furtherKey,
      PickupMethod method,
      String handlingPointCode,
      ClientInfo c) {
    lock();
    if (type == null || method == null || handlingPointCode == null) {
      throw new BusinessException("validation.required");
    }
    if (furtherKey && !type.distinguishesFurtherKey()) {
      throw new BusinessException("catalogue.price.furtherKey");
    }
    HandlingPoint point =
        Optional.ofNullable(em.find(HandlingPoint.class, handlingPointCode.strip()))
            .orElseThrow(() -> new BusinessException("catalogue.notFound"));
    CatalogueRules.pointServes(point, method);
    List<PickupOption> all = allOptions();
    Optional<PickupOption> same =
        all.stream()
            .filter(o -> o.sameRuleAs(type, furtherKey, method, point.getCode()))
            .findFirst();
    if (same.isPresent() && !same.get().isRetired()) {
      throw new BusinessException("catalogue.pickup.duplicate");
    }
    PickupOption option;
    if (same.isPresent()) {
      option = same.get();
      option.setRetired(false);
    } else {
      int last =
          all.stream()
              .filter(o -> o.getServiceType() == type && o.isFurtherKey() == furtherKey)
              .mapToInt(PickupOption::getSortOrder)
              .max()
              .orElse(0);
      option = new PickupOption(type, furtherKey, method, point, last + 1);
      em.persist(option);
    }
    flush();
    audit.record(actor(), PICKUP_OPTION_ADDED, optionTarget(option), "none -> " + option, c);
    return option;
  }

  /**
   * Offers a 取key方式 no more.
   *
   * @throws BusinessException {@code catalogue.notFound}; {@code catalogue.concurrentEdit}; {@code
   *     catalogue.handlingPoint.last} when a service type would be left without one
   */
  public PickupOption retirePickupOption(long id, long version, ClientInfo c) {
    lock();
    PickupOption option = found(em.find(PickupOption.class, id), version, PickupOption::getVersion);
    if (option.isRetired()) {
      return option;
    }
    option.setRetired(true);
    try {
      CatalogueRules.keepHandlingPoints(allOptions());
    } catch (BusinessException refused) {
      option.setRetired(false);
      throw refused;
    }
    flush();
    audit.record(actor(), PICKUP_OPTION_RETIRED, optionTarget(option), option + " -> retired", c);
    return option;
  }

  // ---- document requirements ------------------------------------------------------------------

  /** Every document requirement row, retired ones too. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DocumentRequirement> documentRequirements() {
    return em.createNamedQuery(DocumentRequirement.EVERY, DocumentRequirement.class)
        .getResultList();
  }

  /**
   * Asks for a document of a user type and service type as required, optional, or not at all.
   * Drafts are checked against it when they are submitted.
   *
   * @throws BusinessException {@code validation.required}; as {@link CatalogueRules#documentAsk};
   *     {@code catalogue.concurrentEdit} when the row changed since {@code version} (0 for a row
   *     the page did not show)
   */
  public DocumentAsk setDocumentAsk(
      AccountType userType,
      ServiceType serviceType,
      DocumentType document,
      DocumentAsk ask,
      long version,
      ClientInfo c) {
    lock();
    if (userType == null
        || serviceType == null
        || (userType != AccountType.NATURAL_PERSON && userType != AccountType.ORGANISATION)) {
      throw new BusinessException("validation.required");
    }
    CatalogueRules.documentAsk(document, ask);
    Optional<DocumentRequirement> row =
        documentRequirements().stream()
            .filter(
                r ->
                    r.getUserType() == userType
                        && r.getServiceType() == serviceType
                        && r.getDocumentType() == document)
            .findFirst();
    DocumentAsk before = row.map(DocumentRequirement::ask).orElse(DocumentAsk.NOT_ASKED);
    if (row.isPresent() && row.get().getVersion() != version) {
      throw new BusinessException("catalogue.concurrentEdit");
    }
    if (before == ask) {
      return ask;
    }
    if (row.isPresent()) {
      row.get().setAsk(ask);
    } else {
      em.persist(
          new DocumentRequirement(userType, serviceType, document, ask == DocumentAsk.REQUIRED));
    }
    flush();
    audit.record(
        actor(),
        DOCUMENT_REQUIREMENT_CHANGED,
        "catalogue:document:" + userType + "/" + serviceType + "/" + document,
        before + " -> " + ask,
        c);
    return ask;
  }

  // ---- texts ----------------------------------------------------------------------------------

  /** The texts applicants read. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PortalText> texts() {
    return em.createNamedQuery(PortalText.ALL, PortalText.class).getResultList();
  }

  /**
   * Replaces a text applicants read; they see it on their next page.
   *
   * @throws BusinessException {@code catalogue.notFound}; {@code catalogue.concurrentEdit}; as
   *     {@link CatalogueRules#portalText}
   */
  public PortalText changeText(PortalTextKey key, String content, long version, ClientInfo c) {
    lock();
    PortalText text =
        found(
            key == null ? null : em.find(PortalText.class, key.name()),
            version,
            PortalText::getVersion);
    String checked = CatalogueRules.portalText(key, content);
    String before = text.getContent();
    if (before.equals(checked)) {
      return text;
    }
    text.change(checked, actor(), LocalDateTime.now(clock));
    flush();
    audit.record(
        actor(),
        TEXT_CHANGED,
        "catalogue:text:" + key,
        "\"" + abbreviate(before) + "\" -> \"" + abbreviate(checked) + "\"",
        c);
    return text;
  }

  // ---------------------------------------------------------------------------------------------

  /** The audit column holds 4,000 characters: each side of a text change keeps its first 1,900. */
  private static String abbreviate(String text) {
    return text.length() <= 1900 ? text : text.substring(0, 1900) + "…";
  }

  private static String describe(HandlingPointDetails d) {
    return "name="
        + d.name()
        + ", address="
        + d.address()
        + ", hours="
        + d.hours()
        + ", phone="
        + d.phone()
        + ", ships="
        + d.ships()
        + ", handsOver="
        + d.handsOver();
  }

  private static String pointTarget(HandlingPoint point) {
    return "catalogue:handlingPoint:" + point.getCode();
  }

  private static String optionTarget(PickupOption option) {
    return "catalogue:pickupOption:" + option.getId();
  }

  private List<PriceEntry> activePrices() {
    return em.createNamedQuery(PriceEntry.ALL, PriceEntry.class).getResultList();
  }

  private List<PickupOption> allOptions() {
    return em.createNamedQuery(PickupOption.EVERY, PickupOption.class).getResultList();
  }

  private HandlingPoint point(String code, long version) {
    return found(
        code == null ? null : em.find(HandlingPoint.class, code.strip()),
        version,
        HandlingPoint::getVersion);
  }

  private static <T> T found(T row, long version, ToLongFunction<T> versionOf) {
    if (row == null) {
      throw new BusinessException("catalogue.notFound");
    }
    if (versionOf.applyAsLong(row) != version) {
      throw new BusinessException("catalogue.concurrentEdit");
    }
    return row;
  }

  /** Catalogue changes one after the other on every server, so that each checks the last one. */
  private void lock() {
    AdvisoryLocks.holdUntilCommit(em, LOCK_SCOPE, "changes");
  }

  /** Writes now, so that a change racing with this one is refused instead of overwritten. */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("catalogue.concurrentEdit");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(BeijingDays.ZONE));
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }
}
