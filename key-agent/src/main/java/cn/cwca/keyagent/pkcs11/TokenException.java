package cn.cwca.keyagent.pkcs11;

import java.util.Optional;

/**
 * A request the token or the agent cannot carry out. The reason decides the HTTP answer; the
 * message is safe to show to the page (it never contains a PIN or key material).
 */
public class TokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the request failed. */
  public enum Reason {
    BAD_REQUEST,
    TOKEN_NOT_FOUND,
    PIN_INCORRECT,
    PIN_LOCKED,
    SO_PIN_INCORRECT,
    SO_PIN_LOCKED,
    PIN_ALREADY_INITIALISED,
    USER_PIN_INVALID,
    SESSION_UNKNOWN,
    ALGORITHM_UNSUPPORTED,
    KEY_NOT_FOUND,
    CERTIFICATE_NOT_FOUND,
    CERTIFICATE_MISMATCH,
    ALIAS_IN_USE,
    TOKEN_FAILURE
  }

  private final Reason reason;
  private final transient PinState pinState;

  public TokenException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public TokenException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, cause);
  }

  TokenException(Reason reason, String message, PinState pinState, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.pinState = pinState;
  }

  public Reason reason() {
    return reason;
  }

  /** The token's PIN flags after a failed login, when known. */
  public Optional<PinState> pinState() {
    return Optional.ofNullable(pinState);
  }
}
