package cn.cwca.portal.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the messages bundle ({@code cn/cwca/portal/messages.properties}) for the few messages
 * whose arguments are themselves labels (a document's title, an order's status), so that the page
 * need not translate arguments, and for the texts the server sends itself (SMS).
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

  /**
   * The text of a key formatted with the arguments ({@link MessageFormat}, Chinese locale); the key
   * itself when the bundle has none.
   */
  public static String format(String key, Object... args) {
    String pattern = text(key);
    if (args == null || args.length == 0) {
      return pattern;
    }
    return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
  }
}
