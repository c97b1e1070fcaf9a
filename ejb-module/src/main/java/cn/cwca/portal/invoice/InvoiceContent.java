package cn.cwca.portal.invoice;

import java.io.Serializable;

/** The file of an invoice with its bytes, to download; serve it with {@link #contentType()}. */
public record InvoiceContent(String fileName, String contentType, byte[] bytes)
    implements Serializable {

  public InvoiceContent {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
