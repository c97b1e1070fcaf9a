package cn.cwca.portal.review;

import cn.cwca.portal.catalogue.ServiceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * 复核: whether orders of a service type need a second approval by another reviewer before they are
 * approved (变更 and 变更+更新 do: a change of the certificate's subject is approved by two people).
 * Reference data seeded by the migration; read-only here. A service type without a row needs one
 * approval.
 */
@Entity
@Table(name = "review_policy")
public class ReviewPolicy implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", length = 30)
  private ServiceType serviceType;

  @Column(name = "second_approval", nullable = false)
  private boolean secondApproval;

  protected ReviewPolicy() {}

  public ReviewPolicy(ServiceType serviceType, boolean secondApproval) {
    this.serviceType = serviceType;
    this.secondApproval = secondApproval;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  /** Whether an order of this service type is approved by two different reviewers. */
  public boolean isSecondApproval() {
    return secondApproval;
  }
}
