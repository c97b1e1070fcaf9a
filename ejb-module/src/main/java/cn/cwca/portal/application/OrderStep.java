package cn.cwca.portal.application;

/** A step an order took: which order, what happened, from which status to which. */
public record OrderStep(String publicId, OrderEvent event, OrderStatus from, OrderStatus to) {

  /** The audit entry's details of the step. */
  public String auditDetails() {
    return "from=" + from + ", to=" + to;
  }
}
