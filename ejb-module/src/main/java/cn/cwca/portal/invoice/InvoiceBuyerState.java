package cn.cwca.portal.invoice;

import cn.cwca.portal.application.OrderStatus;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * 开票信息 of one of the applicant's orders as the form shows it: the saved buyer, or one filled in
 * from the account; whether it may still be changed, and why not.
 *
 * @param buyer the saved buyer, or the prefill
 * @param version the saved buyer's version, which travels with the edit ({@link
 *     InvoiceService#saveBuyer}); {@code null} while nothing is saved
 * @param lockedKey why the buyer can no longer be changed (a message key: {@code
 *     invoice.alreadyIssued}, {@code invoice.notNeeded}, {@code invoice.orderCancelled}); {@code
 *     null} while it can
 */
public record InvoiceBuyerState(InvoiceBuyer buyer, Long version, String lockedKey)
    implements Serializable {

  /** Whether the applicant has saved 开票信息 (else {@link #buyer()} is a prefill). */
  public boolean saved() {
    return version != null;
  }

  /** Whether the applicant may still change it. */
  public boolean editable() {
    return lockedKey == null;
  }

  /**
   * Why the buyer of a submitted order can no longer be changed, or {@code null} while it can: a
   * cancelled order and a free one get no invoice, and an issued invoice is not changed (until the
   * finance staff reverse it).
   *
   * @param status the order's status
   * @param price the order's price
   * @param hasCurrentInvoice whether the order has a current (blue, not reversed) invoice
   * @return {@code invoice.orderCancelled}, {@code invoice.notNeeded}, {@code
   *     invoice.alreadyIssued} or {@code null}
   */
  public static String lockedKey(OrderStatus status, BigDecimal price, boolean hasCurrentInvoice) {
    if (status == OrderStatus.CANCELLED) {
      return "invoice.orderCancelled";
    }
    if (price == null || price.signum() <= 0) {
      return "invoice.notNeeded";
    }
    return hasCurrentInvoice ? "invoice.alreadyIssued" : null;
  }
}
