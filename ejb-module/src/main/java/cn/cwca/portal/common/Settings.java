package cn.cwca.portal.common;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Server settings the portal reads at run time: a system property ({@code asadmin
 * create-system-properties}, or {@code -D}) first, then MicroProfile Config, whose Payara sources
 * include the domain's password aliases (a secret is configured as a password alias of its own
 * name, never in clear in domain.xml). Read on each use, so that a changed setting takes effect
 * without a redeployment.
 */
public final class Settings {

  private static final Logger LOG = Logger.getLogger(Settings.class.getName());

  private Settings() {}

  /** The setting, trimmed; empty when it is not set or blank. */
  public static Optional<String> value(String name) {
    String property = System.getProperty(name);
    if (property == null) {
      property = fromConfig(name);
    }
    return property == null || property.isBlank()
        ? Optional.empty()
        : Optional.of(property.strip());
  }

  /**
   * A setting that is a positive whole number; {@code fallback} when it is not set, and (with a
   * warning in the log) when it is not such a number.
   */
  public static int positive(String name, int fallback) {
    return value(name).map(v -> atLeast(name, v, 1, fallback)).orElse(fallback);
  }

  /**
   * A setting that is a whole number of 0 or more; {@code fallback} when it is not set, and (with a
   * warning in the log) when it is not such a number.
   */
  public static int nonNegative(String name, int fallback) {
    return value(name).map(v -> atLeast(name, v, 0, fallback)).orElse(fallback);
  }

  /**
   * The whole number a setting's value gives, when it is at least {@code min}; else {@code
   * fallback} with a warning in the log.
   */
  public static int atLeast(String name, String value, int min, int fallback) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.warning(
        () ->
            name
                + "="
                + value
                + " is not a whole number of at least "
                + min
                + "; using "
                + fallback);
    return fallback;
  }

  /** A boolean setting; {@code fallback} when it is not set. */
  public static boolean flag(String name, boolean fallback) {
    return value(name).map(Boolean::parseBoolean).orElse(fallback);
  }

  private static String fromConfig(String name) {
    try {
      return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null);
    } catch (IllegalStateException | NoSuchElementException | LinkageError e) {
      // No MicroProfile Config implementation (plain unit tests): system properties only.
      return null;
    }
  }
}
