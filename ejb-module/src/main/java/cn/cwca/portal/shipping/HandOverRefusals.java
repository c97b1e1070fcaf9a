package cn.cwca.portal.shipping;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The audit entry of a refused hand-over at the counter, in a transaction of its own: the refusal
 * rolls the hand-over's transaction back, and the attempt must stay on record.
 */
@Stateless
@PermitAll
public class HandOverRefusals {

  /** Audit action (target {@code application:<申请ID>}). */
  public static final String ACTION = "order.hand_over_refused";

  @Inject AuditLog audit;

  /** Records the refused attempt, committed whatever becomes of the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(String operator, String publicId, String details, ClientInfo client) {
    audit.record(operator, ACTION, "application:" + publicId, details, client);
  }
}
