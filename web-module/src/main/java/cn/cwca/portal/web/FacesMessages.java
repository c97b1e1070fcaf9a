package cn.cwca.portal.web;

import cn.cwca.portal.common.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * Turns message keys into localised {@link FacesMessage}s: business and validation messages come
 * from the {@code messages} bundle ({@code cn.cwca.portal.messages}, owned by the services), page
 * texts from the {@code labels} bundle. Both are the {@code <resource-bundle>}s of
 * faces-config.xml, so Java and pages read the same texts.
 */
public final class FacesMessages {

  /** {@code <var>} of the business and validation messages in faces-config.xml. */
  public static final String MESSAGES = "messages";

  /** {@code <var>} of the page texts in faces-config.xml. */
  public static final String LABELS = "labels";

  private static final Logger LOG = Logger.getLogger(FacesMessages.class.getName());

  private FacesMessages() {}

  /** The text of a {@code messages} key, formatted with the arguments. */
  public static String message(String key, Object... args) {
    return text(bundle(MESSAGES), locale(), key, args);
  }

  /** The text of a {@code labels} key, formatted with the arguments. */
  public static String label(String key, Object... args) {
    return text(bundle(LABELS), locale(), key, args);
  }

  /**
   * Shows the refusal as a global error and marks the request as failed, so that ajax {@code
   * oncomplete} handlers see {@code args.validationFailed} and keep a dialog open or a button
   * enabled.
   */
  public static void addError(BusinessException refusal) {
    addErrorMessage(refusal.messageKey(), refusal.args());
  }

  /** Shows a {@code messages} text as a global error and marks the request as failed. */
  public static void addErrorMessage(String messageKey, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message(messageKey, args), null));
    faces.validationFailed();
  }

  /** Shows a {@code messages} text as a global warning; the request goes on. */
  public static void addWarnMessage(String messageKey, Object... args) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_WARN, message(messageKey, args), null));
  }

  /** Shows a page text ({@code labels}) as a global error and marks the request as failed. */
  public static void addErrorLabel(String labelKey, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, label(labelKey, args), null));
    faces.validationFailed();
  }

  /** Shows a page text ({@code labels}) as a global confirmation. */
  public static void addInfoLabel(String labelKey, Object... args) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_INFO, label(labelKey, args), null));
  }

  /**
   * Shows a page text ({@code labels}) as a global confirmation on the page after the next
   * redirect.
   */
  public static void addFlashInfoLabel(String labelKey, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    addInfoLabel(labelKey, args);
  }

  /**
   * The text of {@code key} in {@code bundle}, formatted with {@link MessageFormat} when there are
   * arguments (so that texts without arguments may contain apostrophes); the key itself, between
   * question marks, when the bundle lacks it, so that a missing text shows up on the page instead
   * of breaking it.
   */
  static String text(ResourceBundle bundle, Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      LOG.warning(() -> "Missing message key " + key);
      return "???" + key + "???";
    }
    if (args == null || args.length == 0) {
      return pattern;
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** The locale of the page (zh_CN, see faces-config.xml). */
  private static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getViewRoot() != null
        ? faces.getViewRoot().getLocale()
        : faces.getApplication().getDefaultLocale();
  }

  private static ResourceBundle bundle(String var) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, var);
    if (bundle == null) {
      throw new IllegalStateException("No resource bundle '" + var + "' in faces-config.xml");
    }
    return bundle;
  }
}
