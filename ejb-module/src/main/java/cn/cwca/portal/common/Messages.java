package cn.cwca.portal.common;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the messages bundle ({@code cn/cwca/portal/messages.properties}) for the few messages
 * whose arguments are themselves labels (a document's title, an order's status), so that the page
 * need not translate arguments.
 */
public final class Messages {

  private static final String BUNDLE = "cn.cwca.portal.messages";

  private Messages() {}

  /** The text of a key; the key itself when the bundle has none. */
  public static String text(String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
