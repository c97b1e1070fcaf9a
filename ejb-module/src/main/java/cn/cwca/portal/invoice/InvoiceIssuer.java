package cn.cwca.portal.invoice;

import cn.cwca.portal.common.BusinessException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Who produces a 数电发票 and its red-letter reversal. {@link InvoiceService} decides whether an order
 * may be invoiced, locks it, keeps numbers unique, records the invoice and audits it; the issuer
 * only turns an order into an invoice number and file.
 *
 * <p>The seam exists because that is done outside the portal today and may not be tomorrow: the
 * shipped {@link ManualInvoiceIssuer} takes what the finance staff made in the tax platform
 * (电子发票服务平台) by hand and typed or uploaded on the finance desk; an issuer that calls the tax
 * platform itself (乐企 or a provider's API) can replace it without touching the rules of the
 * service, and ignore the staff's entry.
 */
public interface InvoiceIssuer {

  /**
   * The blue invoice of an order.
   *
   * @throws BusinessException when the invoice cannot be produced (for the manual issuer: {@code
   *     validation.invoiceNumber}, {@code invoice.file.missing}, {@code invoice.file.tooLarge},
   *     {@code invoice.file.unsupported})
   */
  Issued issue(Order order, StaffEntry entry);

  /**
   * The red-letter invoice that reverses the order's blue one.
   *
   * @throws BusinessException when it cannot be produced (for the manual issuer: {@code
   *     validation.invoiceNumber})
   */
  Issued reverse(Order order, String blueInvoiceNumber, String reason, StaffEntry entry);

  /**
   * What is invoiced.
   *
   * @param publicId 申请ID
   * @param amount the price the order was paid
   * @param buyer the checked 开票信息; {@code null} only when reversing an invoice recorded before the
   *     portal kept them
   */
  record Order(String publicId, BigDecimal amount, InvoiceBuyer buyer) {

    public Order {
      Objects.requireNonNull(publicId, "publicId");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * What the finance staff entered on the finance desk: the number of the invoice they made in the
   * tax platform and its file (none for a reversal).
   */
  record StaffEntry(String invoiceNumber, byte[] file, String originalFileName) {

    public StaffEntry {
      file = file == null ? null : file.clone();
    }

    @Override
    public byte[] file() {
      return file == null ? null : file.clone();
    }
  }

  /**
   * The invoice produced.
   *
   * @param invoiceNumber the 20 digits of the 数电发票
   * @param file its file, named after the number; {@code null} when there is none
   */
  record Issued(String invoiceNumber, InvoiceFile file) {

    public Issued {
      Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    }
  }
}
