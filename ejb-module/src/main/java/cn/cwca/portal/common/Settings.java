package cn.cwca.portal.common;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Server settings the portal reads at run time: a system property ({@code asadmin
 * create-system-properties}, or {@code -D}) first, then MicroProfile Config, whose Payara sources
 * include the domain's password aliases (a secret is configured as a password alias of its own
 * name, never in clear in domain.xml). Read on each use, so that a changed setting takes effect
 * without a redeployment.
 */
public final class Settings {

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
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    java.util.logging.Logger.getLogger(Settings.class.getName())
        .warning(() -> name + "=" + value.get() + " is not a positive number; using " + fallback);
    return fallback;
  }

  /**
   * A setting that is a whole number of 0 or more; {@code fallback} when it is not set, and (with a
   * warning in the log) when it is not such a number.
   */
  public static int nonNegative(String name, int fallback) {
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    java.util.logging.Logger.getLogger(Settings.class.getName())
        .warning(
            () -> name + "=" + value.get() + " is not a number of 0 or more; using " + fallback);
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
