package cn.cwca.portal.invoice;

import cn.cwca.portal.application.OrderStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of 待开票: a paid order without a current invoice, with the buyer data to copy into the tax
 * platform.
 *
 * @param publicId 申请ID
 * @param applicantName 姓名 or 机构名称 of the account; {@code null} when the account is gone
 * @param applicantLoginName the account's login name (ID number or credit code)
 * @param amount the price paid, the invoice's amount
 * @param submittedAt 申请时间 (UTC)
 * @param status where the order stands
 * @param buyer the saved 开票信息; {@code null} while the applicant has given none (未填写开票信息)
 * @param reversedInvoices how many invoices of the order were reversed (红冲) before
 */
public record AwaitingInvoice(
    String publicId,
    String applicantName,
    String applicantLoginName,
    BigDecimal amount,
    LocalDateTime submittedAt,
    OrderStatus status,
    InvoiceBuyer buyer,
    long reversedInvoices)
    implements Serializable {

  /** Whether the applicant has given 开票信息, without which no invoice is issued. */
  public boolean hasBuyer() {
    return buyer != null;
  }
}
