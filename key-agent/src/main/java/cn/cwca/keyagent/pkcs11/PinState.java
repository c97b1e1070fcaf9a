package cn.cwca.keyagent.pkcs11;

import java.util.OptionalInt;

/**
 * What a token tells about the retry counter of its user PIN (or of its security officer's PIN).
 * PKCS#11 gives no number, only flags: "count low" (a wrong PIN was entered since the last good
 * one), "final try" and "locked".
 */
public record PinState(boolean countLow, boolean finalTry, boolean locked) {

  /** The tries left, when the flags say it: 1 on the final try, 0 when locked. */
  public OptionalInt triesLeft() {
    if (locked) {
      return OptionalInt.of(0);
    }
    if (finalTry) {
      return OptionalInt.of(1);
    }
    return OptionalInt.empty();
  }
}
