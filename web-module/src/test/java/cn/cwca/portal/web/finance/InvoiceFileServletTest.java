package cn.cwca.portal.web.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceFileServletTest {

  @Test
  void anInvoiceIdIsDigits() {
    assertEquals(Optional.of(42L), InvoiceFileServlet.invoiceId("42"));
    assertTrue(InvoiceFileServlet.invoiceId(null).isEmpty());
    assertTrue(InvoiceFileServlet.invoiceId("").isEmpty());
    assertTrue(InvoiceFileServlet.invoiceId("-1").isEmpty());
    assertTrue(InvoiceFileServlet.invoiceId("1 OR 1=1").isEmpty());
    assertTrue(InvoiceFileServlet.invoiceId("9".repeat(19)).isEmpty(), "beyond a long");
  }
}
