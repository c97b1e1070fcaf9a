package cn.cwca.keyagent.pkcs11;

/**
 * A token (USB key) in a slot of a PKCS#11 library, as it described itself when last asked.
 *
 * @param library the library that drives it
 * @param slotListIndex its slot's index in the library's slot list (SunPKCS11's {@code
 *     slotListIndex}; slot ids may be renumbered, e.g. by SoftHSM2 at token initialisation)
 * @param slotId its slot's id
 * @param label the label given at initialisation
 * @param serial the serial number
 * @param manufacturer the manufacturer id
 * @param model the model
 * @param flags the CK_TOKEN_INFO flags
 */
public record Token(
    Pkcs11Library library,
    int slotListIndex,
    long slotId,
    String label,
    String serial,
    String manufacturer,
    String model,
    long flags) {

  public boolean loginRequired() {
    return (flags & Cryptoki.CKF_LOGIN_REQUIRED) != 0;
  }

  public PinState pinState() {
    return new PinState(
        (flags & Cryptoki.CKF_USER_PIN_COUNT_LOW) != 0,
        (flags & Cryptoki.CKF_USER_PIN_FINAL_TRY) != 0,
        (flags & Cryptoki.CKF_USER_PIN_LOCKED) != 0);
  }

  /** Whether the user PIN has been set (CKF_USER_PIN_INITIALIZED). */
  public boolean userPinInitialised() {
    return (flags & Cryptoki.CKF_USER_PIN_INITIALIZED) != 0;
  }

  /** What the token tells about its security officer's PIN retry counter. */
  public PinState soPinState() {
    return new PinState(
        (flags & Cryptoki.CKF_SO_PIN_COUNT_LOW) != 0,
        (flags & Cryptoki.CKF_SO_PIN_FINAL_TRY) != 0,
        (flags & Cryptoki.CKF_SO_PIN_LOCKED) != 0);
  }

  /** Whether this is the same physical token in the same slot as {@code other}. */
  boolean sameAs(Token other) {
    return library.path().equals(other.library.path())
        && slotListIndex == other.slotListIndex
        && serial.equals(other.serial);
  }
}
