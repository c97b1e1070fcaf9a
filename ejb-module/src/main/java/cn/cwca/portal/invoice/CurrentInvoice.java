package cn.cwca.portal.invoice;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * The current (blue, not reversed) 数电发票 of an order as its applicant sees it.
 *
 * @param invoiceNumber 发票号码
 * @param issuedAt when the finance staff recorded it (UTC)
 * @param hasFile whether its file can be downloaded
 */
public record CurrentInvoice(String invoiceNumber, LocalDateTime issuedAt, boolean hasFile)
    implements Serializable {}
