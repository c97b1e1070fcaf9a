package cn.cwca.portal.invoice;

import cn.cwca.portal.common.BusinessException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The file of an invoice as the finance staff upload it, checked by its content ({@link
 * InvoiceFormat}) and size; the stored name ends with the extension of the format found.
 */
public record InvoiceFile(String fileName, InvoiceFormat format, byte[] content) {

  /** The largest invoice file: a 数电发票 is a page, far below this. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /**
   * Checks an uploaded file.
   *
   * @throws BusinessException {@code invoice.file.missing} (none or empty), {@code
   *     invoice.file.tooLarge}, {@code invoice.file.unsupported} (not a readable PDF, OFD or XML)
   */
  public static InvoiceFile check(byte[] content) {
    if (content == null || content.length == 0) {
      throw new BusinessException("invoice.file.missing");
    }
    if (content.length > MAX_BYTES) {
      throw new BusinessException("invoice.file.tooLarge");
    }
    InvoiceFormat format =
        InvoiceFormat.detect(content)
            .orElseThrow(() -> new BusinessException("invoice.file.unsupported"));
    return new InvoiceFile(null, format, content.clone());
  }

  /** The same file, named after the invoice it is. */
  InvoiceFile named(String invoiceNumber) {
    return new InvoiceFile(
        "发票" + invoiceNumber + "." + format.extension().toLowerCase(Locale.ROOT), format, content);
  }

  String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
