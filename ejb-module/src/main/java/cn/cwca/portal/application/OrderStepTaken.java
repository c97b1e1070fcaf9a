package cn.cwca.portal.application;

/**
 * An order took a step of its lifecycle, fired by {@link OrderSteps} inside the transaction that
 * took it: observers that act on the outside world (the applicant's SMS) observe it {@code during =
 * AFTER_SUCCESS}, so that they act only on a step that was committed.
 *
 * @param orderId the order's internal id
 * @param publicId 申请ID
 * @param event the step
 * @param from the status before
 * @param to the status after
 */
public record OrderStepTaken(
    long orderId, String publicId, OrderEvent event, OrderStatus from, OrderStatus to) {}
