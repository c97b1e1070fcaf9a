package cn.cwca.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ManualInvoiceIssuerTest {

  private static final String NUMBER = "25372000000012345678";
  private static final InvoiceIssuer.Order ORDER =
      new InvoiceIssuer.Order(
          "AB12CD34EF56GH78",
          new BigDecimal("150.00"),
          new InvoiceBuyer(
              BuyerKind.PERSON, "张三", "E12345678", null, null, "13800138000", null, null));

  private final ManualInvoiceIssuer issuer = new ManualInvoiceIssuer();

  @Test
  void issuesWhatTheFinanceStaffEnteredWithTheFileNamedAfterTheNumber() throws IOException {
    InvoiceIssuer.Issued issued =
        issuer.issue(
            ORDER,
            new InvoiceIssuer.StaffEntry(
                "2537 2000 0000 1234 5678", InvoiceFilesTest.onePagePdf(), "dzfp.pdf"));

    assertEquals(NUMBER, issued.invoiceNumber());
    assertEquals(InvoiceFormat.PDF, issued.file().format());
    assertEquals("发票" + NUMBER + ".pdf", issued.file().fileName());
  }

  @Test
  void refusesANumberThatIsNotTwentyDigits() throws IOException {
    byte[] pdf = InvoiceFilesTest.onePagePdf();
    assertEquals(
        "validation.invoiceNumber",
        refusal(() -> issuer.issue(ORDER, new InvoiceIssuer.StaffEntry("12345678", pdf, "a.pdf"))));
    assertEquals(
        "validation.required",
        refusal(() -> issuer.issue(ORDER, new InvoiceIssuer.StaffEntry(" ", pdf, "a.pdf"))));
  }

  @Test
  void refusesAnIssueWithoutAFileOrWithAnotherKindOfFile() {
    assertEquals(
        "invoice.file.missing",
        refusal(() -> issuer.issue(ORDER, new InvoiceIssuer.StaffEntry(NUMBER, null, null))));
    assertEquals(
        "invoice.file.unsupported",
        refusal(
            () ->
                issuer.issue(
                    ORDER, new InvoiceIssuer.StaffEntry(NUMBER, "<html>".getBytes(), "a.html"))));
  }

  @Test
  void aReversalIsTheRedNumberWithoutFile() {
    InvoiceIssuer.Issued red =
        issuer.reverse(
            ORDER,
            "25372000000099999999",
            "购买方名称有误",
            new InvoiceIssuer.StaffEntry(NUMBER, null, null));

    assertEquals(NUMBER, red.invoiceNumber());
    assertNull(red.file());
    assertEquals(
        "validation.invoiceNumber",
        refusal(
            () ->
                issuer.reverse(
                    ORDER, NUMBER, "原因", new InvoiceIssuer.StaffEntry("1", null, null))));
  }

  private static String refusal(Executable call) {
    return assertThrows(BusinessException.class, call).messageKey();
  }
}
