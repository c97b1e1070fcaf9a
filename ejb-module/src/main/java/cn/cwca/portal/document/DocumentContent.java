package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import java.io.Serializable;

/**
 * An uploaded document with its bytes, to preview or download; serve it with {@link #contentType()}
 * (recognised from the content when it was uploaded).
 */
public record DocumentContent(DocumentType type, String fileName, String contentType, byte[] bytes)
    implements Serializable {

  public DocumentContent {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public long size() {
    return bytes.length;
  }

  public boolean isImage() {
    return contentType.startsWith("image/");
  }
}
