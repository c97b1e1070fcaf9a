package cn.cwca.portal.invoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of 已开票: an order and its current invoice.
 *
 * @param publicId 申请ID
 * @param applicantName 姓名 or 机构名称 of the account; {@code null} when the account is gone
 * @param applicantLoginName the account's login name
 * @param invoiceId the invoice's id, for {@link InvoiceService#file}
 * @param invoiceNumber 发票号码
 * @param amount the invoice's amount
 * @param issuedAt when it was recorded (UTC)
 * @param issuedBy the finance staff member who recorded it
 * @param hasFile whether it has a file
 * @param buyer the 开票信息 it was issued for; {@code null} for an invoice recorded before the portal
 *     kept them
 */
public record IssuedInvoice(
    String publicId,
    String applicantName,
    String applicantLoginName,
    long invoiceId,
    String invoiceNumber,
    BigDecimal amount,
    LocalDateTime issuedAt,
    String issuedBy,
    boolean hasFile,
    InvoiceBuyer buyer)
    implements Serializable {}
