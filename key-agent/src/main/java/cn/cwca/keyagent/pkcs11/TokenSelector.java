package cn.cwca.keyagent.pkcs11;

import java.util.Optional;

/**
 * How a page names the token to log in to: by serial number, by label, or both (then both must
 * match).
 */
public record TokenSelector(Optional<String> serial, Optional<String> label) {

  public TokenSelector {
    if (serial.isEmpty() && label.isEmpty()) {
      throw new TokenException(
          TokenException.Reason.BAD_REQUEST, "Name the token by its serial or its label");
    }
  }

  boolean matches(Token token) {
    return serial.map(token.serial()::equals).orElse(true)
        && label.map(token.label()::equals).orElse(true);
  }
}
