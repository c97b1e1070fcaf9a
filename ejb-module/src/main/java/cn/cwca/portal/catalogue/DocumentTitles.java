package cn.cwca.portal.catalogue;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The 《titles》 of the documents from the messages bundle, for the one message that names a document
 * ({@code application.document.missing}), so that the page need not translate arguments.
 */
public final class DocumentTitles {

  private static final String BUNDLE = "cn.cwca.portal.messages";

  private DocumentTitles() {}

  public static String of(DocumentType type) {
    try {
      return ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(type.labelKey());
    } catch (MissingResourceException e) {
      return type.name();
    }
  }
}
