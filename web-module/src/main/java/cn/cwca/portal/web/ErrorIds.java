package cn.cwca.portal.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error id of an internal error: shown to the caller with one clear message, and written to the
 * server log with the exception, so that the service desk can find the one from the other. The
 * caller never sees a stack trace.
 */
public final class ErrorIds {

  private static final Logger LOG = Logger.getLogger(ErrorIds.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorIds() {}

  /** Logs the error under a new id (SEVERE, with the exception) and returns the id. */
  public static String log(String what, Throwable error) {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().withUpperCase().formatHex(bytes);
    LOG.log(Level.SEVERE, "Error id " + id + ": " + what, error);
    return id;
  }
}
