package cn.cwca.portal.application;

/**
 * An order was cancelled, inside the transaction that cancelled it: the payment area closes the
 * order's open payments at their providers once that transaction has committed.
 */
public record OrderCancelled(long orderId, String publicId) {}
