package cn.cwca.portal.shipping;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderLifecycle;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.common.MaskedIdentifier;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.rules.FieldRule;
import cn.cwca.portal.rules.ResidentIdNumbers;
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
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Delivery of the key (user manual 4.1.x.3 取key方式, 4.2 快递信息 and 签收).
 *
 * <p>邮寄-收方付: the operators ({@code OPERATOR}) work through the orders whose certificate is made
 * (待发货, oldest first, with the 收货人 to write on the waybill), record the 顺丰速运 waybill the key left
 * with ({@link #ship}), and ship a lost parcel again at no charge with a new waybill ({@link
 * #reship}; the old one is kept, superseded, with the reason). The applicant ({@code APPLICANT})
 * signs for the key on 进度查询 ({@link #sign}); a key not signed for completes by itself ({@link
 * ShippingAutoCompletion}).
 *
 * <p>自取: the operators put a made key out at the counter ({@link #readyForPickup}, 未领取), find the
 * order waiting there by 申请ID or by the 取证人's ID number ({@link #atCounter}) and hand the key over
 * ({@link #handOver}) only when the name and ID number on the person's ID card are the ones the
 * applicant entered; a refused hand-over is audited.
 *
 * <p>Every change locks the order row first and is a step of the order's lifecycle, taken and
 * audited through {@link OrderSteps} (target {@code application:<申请ID>}); the step's {@code
 * OrderStepTaken} sends the applicant's SMS once committed. A waybill is used once: the service
 * refuses a number any shipment has, and the unique index {@code shipment_waybill_uk} refuses one
 * recorded meanwhile.
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("OPERATOR")
public class ShippingService {

  /** Largest page of the operators' lists. */
  static final int MAX_PAGE_SIZE = 100;

  /** SQLSTATE of a unique constraint violation (PostgreSQL). */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String WAYBILL_CONSTRAINT = "shipment_waybill_uk";

  private static final String TO_SHIP =
      " FROM CertificateApplication a"
          + " WHERE a.status = cn.cwca.portal.application.OrderStatus.CERTIFICATE_MADE"
          + " AND a.pickupMethod = cn.cwca.portal.catalogue.PickupMethod.COURIER";

  private static final String SHIPPED =
      " FROM CertificateApplication a, Shipment s WHERE s.applicationId = a.id"
          + " AND s.supersededAt IS NULL"
          + " AND a.status = cn.cwca.portal.application.OrderStatus.SHIPPED";

  private static final String TO_PUT_OUT =
      " FROM CertificateApplication a"
          + " WHERE a.status = cn.cwca.portal.application.OrderStatus.CERTIFICATE_MADE"
          + " AND a.pickupMethod = cn.cwca.portal.catalogue.PickupMethod.PICKUP";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject OrderSteps steps;

  @Inject HandOverRefusals refusals;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  // ===== 邮寄-收方付
  // ====================================================================================

  /**
   * 待发货: a page of the 邮寄 orders whose certificate is made, oldest submission first, with the 收货人
   * and the handling point the key ships from, and their total number.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<ShippableOrder> toShip(int first, int pageSize) {
    long total = em.createQuery("SELECT COUNT(a)" + TO_SHIP, Long.class).getSingleResult();
    List<CertificateApplication> page =
        em.createQuery(
                "SELECT a" + TO_SHIP + " ORDER BY a.submittedAt, a.id",
                CertificateApplication.class)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(size(pageSize))
            .getResultList();
    Map<String, String> names = applicantNames(page);
    return new Page<>(
        page.stream()
            .map(
                a ->
                    new ShippableOrder(
                        a.getPublicId(),
                        names.get(a.getOwnerLoginName()),
                        a.getServiceType(),
                        a.getSubmittedAt(),
                        a.getRecipientName(),
                        a.getRecipientMobile(),
                        a.getRecipientAddress(),
                        a.getRemark(),
                        a.getHandlingPointName(),
                        a.getHandlingPointAddress()))
            .toList(),
        total);
  }

  /**
   * 已发货: a page of the orders with the courier and not signed for, the latest waybill first, and
   * their total number.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<ShippedOrder> shipped(int first, int pageSize) {
    long total = em.createQuery("SELECT COUNT(a)" + SHIPPED, Long.class).getSingleResult();
    List<Object[]> page =
        em.createQuery(
                "SELECT a, s" + SHIPPED + " ORDER BY s.shippedAt DESC, s.id DESC", Object[].class)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(size(pageSize))
            .getResultList();
    List<CertificateApplication> ordersOfPage =
        page.stream().map(r -> (CertificateApplication) r[0]).toList();
    Map<String, String> names = applicantNames(ordersOfPage);
    Map<Long, Long> reshipments =
        supersededCounts(ordersOfPage.stream().map(CertificateApplication::getId).toList());
    return new Page<>(
        page.stream()
            .map(
                r -> {
                  CertificateApplication a = (CertificateApplication) r[0];
                  Shipment s = (Shipment) r[1];
                  return new ShippedOrder(
                      a.getPublicId(),
                      names.get(a.getOwnerLoginName()),
                      a.getRecipientName(),
                      a.getRecipientMobile(),
                      a.getRecipientAddress(),
                      a.getHandlingPointName(),
                      s.getCourierCompany(),
                      s.getWaybillNumber(),
                      s.getShippedAt(),
                      s.getShippedBy(),
                      reshipments.getOrDefault(a.getId(), 0L));
                })
            .toList(),
        total);
  }

  /**
   * 发货: the key of a 邮寄 order whose certificate is made left with 顺丰速运 under this waybill; the
   * order becomes 已发货 and the applicant is told the waybill.
   *
   * @param waybill 运单号 as typed: {@code SF} and 13 digits, or 12 digits; never used before
   * @throws BusinessException {@code validation.required}, {@code validation.waybill}; {@code
   *     application.notFound}; {@code order.stepRefused} (not 已制证, or not 邮寄); {@code
   *     shipping.waybillUsed}; {@code shipping.concurrentEdit}
   */
  public ShippedOrder ship(String publicId, String waybill, ClientInfo c) {
    String operator = callerName();
    String number = FieldInput.checked(FieldRule.WAYBILL, waybill);
    CertificateApplication a = lockedOrder(publicId);
    OrderLifecycle.require(a.getStatus(), OrderEvent.SHIP, a.getPickupMethod());
    requireUnused(number);
    LocalDateTime now = now();
    Shipment shipment = new Shipment(a.getId(), SfExpress.COMPANY, number, operator, now);
    em.persist(shipment);
    flush();
    steps.take(
        a, OrderEvent.SHIP, operator, c, "courier=" + SfExpress.COMPANY + ", waybill=" + number);
    return view(a, shipment, supersededCount(a.getId()));
  }

  /**
   * 重新发货: a lost parcel is shipped again at no charge (user manual 4.1.x.3) with a new waybill; the
   * current one is kept, superseded with the reason, and the applicant is told the new waybill.
   *
   * @param newWaybill the new 运单号, never used before (the lost one neither)
   * @param reason why, e.g. 快递丢失 (at most 200 characters)
   * @throws BusinessException {@code validation.required}, {@code validation.waybill}, {@code
   *     validation.reshipReason}; {@code application.notFound}; {@code order.stepRefused} (not
   *     已发货); {@code shipping.waybillUsed}; {@code shipping.concurrentEdit}
   */
  public ShippedOrder reship(String publicId, String newWaybill, String reason, ClientInfo c) {
    String operator = callerName();
    String number = FieldInput.checked(FieldRule.WAYBILL, newWaybill);
    String why = FieldInput.checked(FieldRule.RESHIP_REASON, reason);
    CertificateApplication a = lockedOrder(publicId);
    OrderLifecycle.require(a.getStatus(), OrderEvent.RESHIP, a.getPickupMethod());
    requireUnused(number);
    LocalDateTime now = now();
    Optional<Shipment> lost = current(a.getId());
    // The lost waybill first, so that the partial unique index sees one current shipment at a time.
    lost.ifPresent(s -> s.supersede(why, now));
    flush();
    Shipment shipment = new Shipment(a.getId(), SfExpress.COMPANY, number, operator, now);
    em.persist(shipment);
    flush();
    steps.take(
        a,
        OrderEvent.RESHIP,
        operator,
        c,
        "courier="
            + SfExpress.COMPANY
            + ", waybill="
            + number
            + ", previousWaybill="
            + lost.map(Shipment::getWaybillNumber).orElse(null)
            + ", reason="
            + why);
    return view(a, shipment, supersededCount(a.getId()));
  }

  /**
   * 签收: the applicant received the key of one of their shipped orders; the order is 已完成. Another
   * applicant's 申请ID behaves like an unknown one.
   *
   * @throws BusinessException {@code application.notFound}; {@code order.stepRefused} (not 已发货)
   */
  @RolesAllowed("APPLICANT")
  public void sign(String publicId, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a =
        orders
            .lockOwned(owner, publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    OrderLifecycle.require(a.getStatus(), OrderEvent.SIGN, a.getPickupMethod());
    String waybill = current(a.getId()).map(Shipment::getWaybillNumber).orElse(null);
    steps.take(a, OrderEvent.SIGN, owner, c, "waybill=" + waybill);
  }

  // ===== 自取
  // ==========================================================================================

  /**
   * 待领取 (to put out): a page of the 自取 orders whose certificate is made, oldest submission first,
   * and their total number.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<CounterOrder> toPutOut(int first, int pageSize) {
    long total = em.createQuery("SELECT COUNT(a)" + TO_PUT_OUT, Long.class).getSingleResult();
    List<CertificateApplication> page =
        em.createQuery(
                "SELECT a" + TO_PUT_OUT + " ORDER BY a.submittedAt, a.id",
                CertificateApplication.class)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(size(pageSize))
            .getResultList();
    return new Page<>(counterOrders(page), total);
  }

  /**
   * 待领取: the key of a 自取 order whose certificate is made waits at the counter of its handling point
   * (未领取); the applicant is told where.
   *
   * @throws BusinessException {@code application.notFound}; {@code order.stepRefused} (not 已制证, or
   *     not 自取)
   */
  public CounterOrder readyForPickup(String publicId, ClientInfo c) {
    String operator = callerName();
    CertificateApplication a = lockedOrder(publicId);
    steps.take(
        a, OrderEvent.READY_FOR_PICKUP, operator, c, "handlingPoint=" + a.getHandlingPointCode());
    return counterOrders(List.of(a)).get(0);
  }

  /**
   * The orders waiting at the counter (未领取) with this 申请ID, or whose 取证人 has this ID number (oldest
   * submission first); empty when there is none.
   *
   * @param query a 申请ID or a resident ID number, as typed
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<CounterOrder> atCounter(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    Optional<CertificateApplication> byId =
        orders.submitted(query).filter(a -> a.getStatus() == OrderStatus.AWAITING_PICKUP);
    if (byId.isPresent()) {
      return counterOrders(List.of(byId.get()));
    }
    List<CertificateApplication> byCollector =
        em.createQuery(
                "SELECT a FROM CertificateApplication a WHERE a.collectorIdNumber = :id"
                    + " AND a.status = cn.cwca.portal.application.OrderStatus.AWAITING_PICKUP"
                    + " ORDER BY a.submittedAt, a.id",
                CertificateApplication.class)
            .setParameter("id", ResidentIdNumbers.normalize(query))
            .setMaxResults(MAX_PAGE_SIZE)
            .getResultList();
    return counterOrders(byCollector);
  }

  /**
   * 确认交付: the key waiting at the counter is handed over to the 取证人, whose name and ID number the
   * operator read from the person's ID card; the order is 已完成. When they are not the ones the
   * applicant entered, nothing changes and the refused attempt is audited ({@link
   * HandOverRefusals#ACTION}).
   *
   * @param cardName the name on the ID card
   * @param cardIdNumber the number on the ID card
   * @throws BusinessException {@code validation.required}, {@code validation.residentId}; {@code
   *     application.notFound}; {@code order.stepRefused} (not 未领取); {@code handOver.nameMismatch},
   *     {@code handOver.idNumberMismatch}, {@code handOver.mismatch}
   */
  public void handOver(String publicId, String cardName, String cardIdNumber, ClientInfo c) {
    String operator = callerName();
    String name = FieldInput.required(cardName);
    String idNumber = FieldInput.checked(FieldRule.RESIDENT_ID, cardIdNumber);
    CertificateApplication a = lockedOrder(publicId);
    OrderLifecycle.require(a.getStatus(), OrderEvent.HAND_OVER, a.getPickupMethod());
    CollectorCheck.Result result =
        CollectorCheck.compare(a.getCollectorName(), a.getCollectorIdNumber(), name, idNumber);
    if (result != CollectorCheck.Result.MATCH) {
      refusals.record(
          operator,
          a.getPublicId(),
          "mismatch="
              + result
              + ", cardName="
              + name
              + ", cardIdNumber="
              + MaskedIdentifier.of(idNumber),
          c);
      throw new BusinessException(result.messageKey());
    }
    steps.take(
        a,
        OrderEvent.HAND_OVER,
        operator,
        c,
        "handedOverBy="
            + operator
            + ", collector="
            + name
            + ", collectorIdNumber="
            + MaskedIdentifier.of(idNumber));
  }

  // ---------------------------------------------------------------------------------------------

  /** A submitted order of any applicant, locked until the transaction ends. */
  private CertificateApplication lockedOrder(String publicId) {
    return orders
        .lockSubmitted(publicId)
        .orElseThrow(() -> new BusinessException("application.notFound"));
  }

  private Optional<Shipment> current(long applicationId) {
    return em.createNamedQuery(Shipment.CURRENT_OF_ORDERS, Shipment.class)
        .setParameter("ids", List.of(applicationId))
        .getResultStream()
        .findFirst();
  }

  /**
   * @throws BusinessException {@code shipping.waybillUsed} when any shipment (another order's, or a
   *     superseded one) has the number
   */
  private void requireUnused(String waybill) {
    long used =
        em.createNamedQuery(Shipment.COUNT_BY_WAYBILL, Long.class)
            .setParameter("waybill", waybill)
            .getSingleResult();
    if (used > 0) {
      throw new BusinessException("shipping.waybillUsed");
    }
  }

  private ShippedOrder view(CertificateApplication a, Shipment s, long reshipments) {
    return new ShippedOrder(
        a.getPublicId(),
        applicantNames(List.of(a)).get(a.getOwnerLoginName()),
        a.getRecipientName(),
        a.getRecipientMobile(),
        a.getRecipientAddress(),
        a.getHandlingPointName(),
        s.getCourierCompany(),
        s.getWaybillNumber(),
        s.getShippedAt(),
        s.getShippedBy(),
        reshipments);
  }

  private List<CounterOrder> counterOrders(List<CertificateApplication> page) {
    Map<String, String> names = applicantNames(page);
    return page.stream()
        .map(
            a ->
                new CounterOrder(
                    a.getPublicId(),
                    names.get(a.getOwnerLoginName()),
                    a.getServiceType(),
                    a.getStatus(),
                    a.getSubmittedAt(),
                    a.getHandlingPointName(),
                    a.getHandlingPointAddress(),
                    a.getCollectorName(),
                    a.getCollectorMobile(),
                    MaskedIdentifier.of(a.getCollectorIdNumber())))
        .toList();
  }

  private long supersededCount(long applicationId) {
    return supersededCounts(List.of(applicationId)).getOrDefault(applicationId, 0L);
  }

  /** How many superseded shipments each of the orders has (none: absent). */
  private Map<Long, Long> supersededCounts(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "SELECT s.applicationId, COUNT(s) FROM Shipment s WHERE s.applicationId IN :ids"
                + " AND s.supersededAt IS NOT NULL GROUP BY s.applicationId",
            Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1], Long::sum));
  }

  /** 姓名 or 机构名称 of the owners of the orders, by login name. */
  private Map<String, String> applicantNames(List<CertificateApplication> page) {
    Map<String, String> names = new HashMap<>();
    if (page.isEmpty()) {
      return names;
    }
    em.createQuery(
            "SELECT acc.loginName, acc.displayName FROM Account acc"
                + " WHERE acc.loginName IN :names",
            Object[].class)
        .setParameter(
            "names",
            page.stream().map(CertificateApplication::getOwnerLoginName).distinct().toList())
        .getResultList()
        .forEach(r -> names.put((String) r[0], (String) r[1]));
    return names;
  }

  /**
   * Writes now, so that a conflict ends in a message instead of a failed commit.
   *
   * @throws BusinessException {@code shipping.waybillUsed} when the waybill was recorded meanwhile;
   *     {@code shipping.concurrentEdit} when another request changed the same rows
   */
  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new BusinessException("shipping.concurrentEdit");
    } catch (PersistenceException e) {
      String message = uniqueViolation(e);
      if (message == null) {
        throw e;
      }
      throw new BusinessException(
          message.contains(WAYBILL_CONSTRAINT)
              ? "shipping.waybillUsed"
              : "shipping.concurrentEdit");
    }
  }

  private static String uniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return String.valueOf(sql.getMessage());
      }
    }
    return null;
  }

  private static int size(int pageSize) {
    return Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
  }

  private String callerName() {
    return session.getCallerPrincipal().getName();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
