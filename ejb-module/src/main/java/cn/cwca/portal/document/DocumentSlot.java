package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import java.io.Serializable;

/**
 * One line of the upload step: a document asked for, whether it is required, and the current file
 * ({@code null} when none was uploaded yet).
 */
public record DocumentSlot(DocumentType type, boolean required, DocumentInfo uploaded)
    implements Serializable {

  public boolean isUploaded() {
    return uploaded != null;
  }
}
