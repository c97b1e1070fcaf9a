package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The reference data the application rules read (handling points, pickup options, prices, document
 * requirements), loaded from the database on each use: the tables are small, and an administrator's
 * change reaches every instance of a cluster at once.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Catalogue {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** 办理点, in display order. */
  public List<HandlingPoint> handlingPoints() {
    return em.createNamedQuery(HandlingPoint.ALL, HandlingPoint.class).getResultList();
  }

  public PickupRules pickupRules() {
    return new PickupRules(
        em.createNamedQuery(PickupOption.ALL, PickupOption.class).getResultList());
  }

  public PriceTable priceTable() {
    return new PriceTable(em.createNamedQuery(PriceEntry.ALL, PriceEntry.class).getResultList());
  }

  /** The requirements of one user type and service type. */
  public DocumentRequirements documentRequirements(AccountType userType, ServiceType serviceType) {
    return new DocumentRequirements(
        em.createNamedQuery(DocumentRequirement.FOR, DocumentRequirement.class)
            .setParameter("userType", userType)
            .setParameter("serviceType", serviceType)
            .getResultList());
  }
}
