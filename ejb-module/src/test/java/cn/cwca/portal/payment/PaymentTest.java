package cn.cwca.portal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 8, 0);

  private static Payment open() {
    return new Payment(
        1L,
        PaymentChannel.WECHAT,
        "ABCDEFGHIJKLMNOPQRST",
        new BigDecimal("300.00"),
        "applicant",
        NOW.plusMinutes(15),
        NOW);
  }

  @Test
  void anOpenPaymentMayBePaidUntilItExpires() {
    Payment p = open();
    assertTrue(p.isPayableAt(NOW.plusMinutes(14)));
    assertFalse(p.isPayableAt(NOW.plusMinutes(15)));
  }

  @Test
  void aClosedPaymentIsNoLongerPayableButMoneyThatArrivesIsStillRecorded() {
    Payment p = open();
    p.close(NOW.plusMinutes(1));
    assertEquals(Payment.State.CLOSED, p.getState());
    assertFalse(p.isPayableAt(NOW.plusMinutes(2)));
    p.refundPending("4200001", new BigDecimal("300.00"), NOW.plusMinutes(3), "notification", "x");
    assertEquals(Payment.State.REFUND_PENDING, p.getState());
    assertEquals("4200001", p.getProviderTransactionId());
  }

  @Test
  void aSettledPaymentIsNeverSettledAgain() {
    Payment p = open();
    p.paid("4200001", new BigDecimal("300.00"), NOW, "notification");
    assertThrows(
        IllegalStateException.class,
        () -> p.paid("4200002", new BigDecimal("300.00"), NOW, "notification"));
    assertThrows(
        IllegalStateException.class,
        () -> p.refundPending("4200002", BigDecimal.ONE, NOW, "notification", "again"));
    p.close(NOW);
    assertEquals(Payment.State.PAID, p.getState(), "closing a paid payment changes nothing");
  }

  @Test
  void onlyAPaymentAwaitingRefundIsRefundedAndItsNoteIsKept() {
    Payment paid = open();
    paid.paid("4200001", new BigDecimal("300.00"), NOW, "notification");
    BusinessException e =
        assertThrows(BusinessException.class, () -> paid.refunded("finance", null, NOW));
    assertEquals("payment.refund.notPending", e.messageKey());

    Payment pending = open();
    pending.refundPending("4200001", new BigDecimal("0.01"), NOW, "notification", "paid 0.01");
    pending.refunded("finance", "原路退回", NOW.plusDays(1));
    assertEquals(Payment.State.REFUNDED, pending.getState());
    assertEquals("paid 0.01；原路退回", pending.getRefundReason());
    assertEquals("finance", pending.getRefundedBy());
  }

  @Test
  void aTradeNumberIsTheApplicationIdAndFourRandomCharacters() {
    String no = PaymentService.newOutTradeNo("ABCDEFGHIJKLMNOP");
    assertTrue(no.matches("ABCDEFGHIJKLMNOP[A-Z2-7]{4}"), no);
  }
}
