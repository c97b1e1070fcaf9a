package cn.cwca.portal.progress;

import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.invoice.Invoice;
import cn.cwca.portal.review.ReviewDecision;
import cn.cwca.portal.shipping.Shipment;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 进度查询 (user manual 4.2): the caller's orders a page at a time, each with what the other areas
 * added to it (the latest 审核意见, the current waybill, the current invoice), read in one query per
 * area for the whole page.
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ProgressService {

  /** Largest page of the progress grid. */
  static final int MAX_PAGE_SIZE = 100;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource SessionContext session;

  @Inject Orders orders;

  /**
   * A page of the caller's submitted orders (drafts are resumed from the wizard, not listed) and
   * their total number.
   *
   * @param sort {@code null}: newest first
   */
  public ProgressPage page(int first, int pageSize, ProgressSort sort) {
    return page(first, pageSize, sort, ProgressFilter.NONE);
  }

  /**
   * A page of the caller's submitted orders that pass the filter, and their total number.
   *
   * @param sort {@code null}: newest first
   * @param filter {@code null}: none
   */
  public ProgressPage page(int first, int pageSize, ProgressSort sort, ProgressFilter filter) {
    String owner = session.getCallerPrincipal().getName();
    ProgressFilter f = filter == null ? ProgressFilter.NONE : filter;
    String from =
        " FROM CertificateApplication a WHERE a.ownerLoginName = :owner"
            + " AND a.status <> cn.cwca.portal.application.OrderStatus.DRAFT"
            + f.where();
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + from, Long.class);
    count.setParameter("owner", owner);
    f.parameters().forEach(count::setParameter);
    long total = count.getSingleResult();
    int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    TypedQuery<CertificateApplication> select =
        em.createQuery(
            "SELECT a" + from + (sort == null ? ProgressSort.newestFirst() : sort).orderBy(),
            CertificateApplication.class);
    select.setParameter("owner", owner);
    f.parameters().forEach(select::setParameter);
    List<CertificateApplication> orders =
        select.setFirstResult(Math.max(0, first)).setMaxResults(size).getResultList();
    return new ProgressPage(rows(orders), total);
  }

  /**
   * 审核意见 of one of the caller's orders, every round's decisions oldest first (who decided stays
   * with the staff); empty for a draft, an unknown 申请ID and another applicant's order.
   */
  public List<ReviewOpinion> reviewOpinions(String publicId) {
    String owner = session.getCallerPrincipal().getName();
    return orders
        .owned(owner, publicId)
        .filter(a -> !a.isDraft())
        .map(
            a ->
                em
                    .createNamedQuery(ReviewDecision.OF_ORDERS, ReviewDecision.class)
                    .setParameter("ids", List.of(a.getId()))
                    .getResultList()
                    .stream()
                    .map(ReviewOpinion::of)
                    .toList())
        .orElse(List.of());
  }

  /** The home page's latest application progress: the newest submitted order. */
  public Optional<ProgressRow> latest() {
    return page(0, 1, null).rows().stream().findFirst();
  }

  private List<ProgressRow> rows(List<CertificateApplication> orders) {
    if (orders.isEmpty()) {
      return List.of();
    }
    List<Long> ids = orders.stream().map(CertificateApplication::getId).toList();
    // Decisions come ordered by round and stage: the last one of an order is its latest.
    Map<Long, ReviewDecision> decisions =
        em
            .createNamedQuery(ReviewDecision.OF_ORDERS, ReviewDecision.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(
                Collectors.toMap(
                    ReviewDecision::getApplicationId, Function.identity(), (a, b) -> b));
    Map<Long, Shipment> shipments =
        em
            .createNamedQuery(Shipment.CURRENT_OF_ORDERS, Shipment.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(Shipment::getApplicationId, Function.identity()));
    Map<Long, Invoice> invoices =
        em
            .createNamedQuery(Invoice.CURRENT_OF_ORDERS, Invoice.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(Invoice::getApplicationId, Function.identity()));
    return orders.stream()
        .map(
            a ->
                ProgressRow.of(
                    a, decisions.get(a.getId()), shipments.get(a.getId()), invoices.get(a.getId())))
        .toList();
  }
}
