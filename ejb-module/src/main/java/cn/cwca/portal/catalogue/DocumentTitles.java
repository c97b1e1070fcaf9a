package cn.cwca.portal.catalogue;

import cn.cwca.portal.common.Messages;

/**
 * The 《titles》 of the documents, for the one message that names documents ({@code
 * application.document.missing}).
 */
public final class DocumentTitles {

  private DocumentTitles() {}

  public static String of(DocumentType type) {
    return Messages.text(type.labelKey());
  }
}
