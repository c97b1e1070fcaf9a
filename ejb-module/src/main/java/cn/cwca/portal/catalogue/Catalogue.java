package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * The reference data the application rules read (handling points, pickup options, prices, document
 * requirements, the texts applicants read), loaded from the database on each use: the tables are
 * small, and an administrator's change ({@link CatalogueService}) reaches every instance of a
 * cluster at once. Retired rows are left out, except handling points, which orders name.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Catalogue {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** 办理点, in display order, retired ones too (orders name them). */
  public List<HandlingPoint> handlingPoints() {
    return em.createNamedQuery(HandlingPoint.ALL, HandlingPoint.class).getResultList();
  }

  /** The 取key方式 offered. */
  public PickupRules pickupRules() {
    return new PickupRules(
        em.createNamedQuery(PickupOption.ALL, PickupOption.class).getResultList());
  }

  /** The prices an applicant of the type is charged on a Beijing day. */
  public PriceTable priceTable(AccountType applicantType, LocalDate day) {
    return PriceTable.inForce(priceRows(), applicantType, day);
  }

  /** Every price row not retired, of every day and applicant type. */
  public List<PriceEntry> priceRows() {
    return em.createNamedQuery(PriceEntry.ALL, PriceEntry.class).getResultList();
  }

  /** The requirements of one user type and service type. */
  public DocumentRequirements documentRequirements(AccountType userType, ServiceType serviceType) {
    return new DocumentRequirements(
        em.createNamedQuery(DocumentRequirement.FOR, DocumentRequirement.class)
            .setParameter("userType", userType)
            .setParameter("serviceType", serviceType)
            .getResultList());
  }

  /** A text applicants read, as the administrators last set it. */
  public String text(PortalTextKey key) {
    PortalText text = em.find(PortalText.class, key.name());
    return text == null ? "" : text.getContent();
  }
}
