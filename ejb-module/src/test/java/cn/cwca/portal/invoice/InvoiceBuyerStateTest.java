package cn.cwca.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.application.OrderStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceBuyerStateTest {

  private static final BigDecimal PRICE = new BigDecimal("150.00");

  @ParameterizedTest
  @EnumSource(
      value = OrderStatus.class,
      names = {"CANCELLED", "DRAFT"},
      mode = EnumSource.Mode.EXCLUDE)
  void aPricedOrderWithoutInvoiceTakesBuyerDataBeforeAndAfterPayment(OrderStatus status) {
    assertNull(InvoiceBuyerState.lockedKey(status, PRICE, false));
  }

  @Test
  void anIssuedInvoiceLocksTheBuyer() {
    assertEquals(
        "invoice.alreadyIssued", InvoiceBuyerState.lockedKey(OrderStatus.COMPLETED, PRICE, true));
  }

  @Test
  void aCancelledOrFreeOrderGetsNoInvoice() {
    assertEquals(
        "invoice.orderCancelled", InvoiceBuyerState.lockedKey(OrderStatus.CANCELLED, PRICE, false));
    assertEquals(
        "invoice.notNeeded",
        InvoiceBuyerState.lockedKey(OrderStatus.AWAITING_REVIEW, BigDecimal.ZERO, false));
    assertEquals(
        "invoice.notNeeded", InvoiceBuyerState.lockedKey(OrderStatus.AWAITING_REVIEW, null, false));
  }

  @Test
  void savedAndEditableFollowVersionAndLock() {
    InvoiceBuyerState prefill = new InvoiceBuyerState(null, null, null);
    assertFalse(prefill.saved());
    assertTrue(prefill.editable());

    InvoiceBuyerState issued = new InvoiceBuyerState(null, 3L, "invoice.alreadyIssued");
    assertTrue(issued.saved());
    assertFalse(issued.editable());
  }
}
