package cn.cwca.portal.document.forms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Chinese texts of the forms: their labels ({@code forms.properties} beside this class, UTF-8),
 * the portal's messages (the labels of the enums and the declaration, {@code
 * cn/cwca/portal/messages.properties}) and the service agreement ({@code service-agreement.txt},
 * UTF-8, replaceable by the CA).
 */
public final class FormTexts {

  static final String FORMS_BUNDLE = "cn.cwca.portal.document.forms.forms";

  static final String MESSAGES_BUNDLE = "cn.cwca.portal.messages";

  static final String AGREEMENT_RESOURCE = "service-agreement.txt";

  private FormTexts() {}

  /** A label of the forms. */
  static String text(String key) {
    return ResourceBundle.getBundle(FORMS_BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(key);
  }

  /** A label of the forms with its {@code {0}}, {@code {1}} filled in. */
  static String format(String key, Object... args) {
    return new MessageFormat(text(key), Locale.SIMPLIFIED_CHINESE).format(args);
  }

  /**
   * A text of the portal's messages bundle, e.g. {@code serviceType.RENEW}; the key itself when
   * there is none.
   */
  public static String message(String key) {
    try {
      return ResourceBundle.getBundle(MESSAGES_BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /** The label of an enum constant in the messages bundle: {@code <prefix>.<NAME>}. */
  public static String label(String prefix, Enum<?> value) {
    return value == null ? null : message(prefix + "." + value.name());
  }

  /** 证书年限 as printed, e.g. 2年; {@code null} for none. */
  public static String years(Integer years) {
    return years == null ? null : format("years", years);
  }

  /**
   * The agreement's lines without the comments ({@code #}) and blank lines: {@code "## "} starts a
   * clause heading, any other line is a paragraph.
   */
  static List<String> agreement() {
    try (InputStream in = FormTexts.class.getResourceAsStream(AGREEMENT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + AGREEMENT_RESOURCE);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(line -> line.replace("\uFEFF", "").strip())
            .filter(line -> !line.isEmpty() && !(line.startsWith("#") && !line.startsWith("## ")))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
