package cn.cwca.portal.invoice;

import cn.cwca.portal.common.FieldInput;
import cn.cwca.portal.rules.FieldRule;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shipped {@link InvoiceIssuer}: the finance staff make the invoice in the tax platform by hand
 * and enter its number and file here; this checks what they entered (20 digits; a PDF, OFD or XML
 * file by its content) and names the file after the number.
 */
@ApplicationScoped
public class ManualInvoiceIssuer implements InvoiceIssuer {

  @Override
  public Issued issue(Order order, StaffEntry entry) {
    String number = FieldInput.checked(FieldRule.INVOICE_NUMBER, entry.invoiceNumber());
    InvoiceFile file = InvoiceFile.check(entry.file()).named(number);
    return new Issued(number, file);
  }

  @Override
  public Issued reverse(Order order, String blueInvoiceNumber, String reason, StaffEntry entry) {
    return new Issued(FieldInput.checked(FieldRule.INVOICE_NUMBER, entry.invoiceNumber()), null);
  }
}
