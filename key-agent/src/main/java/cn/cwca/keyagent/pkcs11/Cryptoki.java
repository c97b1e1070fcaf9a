package cn.cwca.keyagent.pkcs11;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Slots, token information and mechanism lists straight from a PKCS#11 library, and the security
 * officer's setting of the user PIN, through the JDK's own wrapper ({@code
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper}, exported to the agent by the jar manifest's
 * {@code Add-Exports} and the start scripts). SunPKCS11 offers no public way to read a token's
 * label, serial number or PIN flags, nor to log in as security officer; the wrapper lacks
 * C_InitPIN, which {@link InitPin} calls through JNA. The wrapper keeps one initialised instance
 * per library path, which the SunPKCS11 providers of the same path then share.
 */
final class Cryptoki {

  /** Slot flag: a token is in the slot (PKCS#11 v2.40, CK_SLOT_INFO). */
  static final long CKF_TOKEN_PRESENT = 0x1L;

  /** Token flags (PKCS#11 v2.40, CK_TOKEN_INFO). */
  static final long CKF_LOGIN_REQUIRED = 0x4L;

  static final long CKF_USER_PIN_INITIALIZED = 0x8L;
  static final long CKF_TOKEN_INITIALIZED = 0x400L;
  static final long CKF_USER_PIN_COUNT_LOW = 0x10000L;
  static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
  static final long CKF_USER_PIN_LOCKED = 0x40000L;
  static final long CKF_SO_PIN_COUNT_LOW = 0x100000L;
  static final long CKF_SO_PIN_FINAL_TRY = 0x200000L;
  static final long CKF_SO_PIN_LOCKED = 0x400000L;

  /** Session flags and user types (PKCS#11 v2.40 §5.6, §3.4). */
  private static final long CKF_RW_SESSION = 0x2L;

  private static final long CKF_SERIAL_SESSION = 0x4L;
  private static final long CKU_SO = 0L;

  /** Return values (PKCS#11 v2.40 §3.6). */
  private static final long CKR_PIN_INCORRECT = 0xA0L;

  private static final long CKR_PIN_INVALID = 0xA1L;
  private static final long CKR_PIN_LEN_RANGE = 0xA2L;
  private static final long CKR_PIN_LOCKED = 0xA4L;

  /** Mechanisms (PKCS#11 v2.40 §2). */
  static final long CKM_RSA_PKCS_KEY_PAIR_GEN = 0x0L;

  static final long CKM_EC_KEY_PAIR_GEN = 0x1040L;

  private static final long CKF_OS_LOCKING_OK = 0x2L;
  private static final String FUNCTION_LIST = "C_GetFunctionList";

  static final String EXPORT_HINT =
      "the JDK's PKCS#11 wrapper is not accessible: start the agent with"
          + " --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED"
          + " (the start scripts and java -jar do this)";

  private static final Wrapper WRAPPER = Wrapper.lookUp();

  private final Object pkcs11;
  private final Pkcs11Library library;

  private Cryptoki(Object pkcs11, Pkcs11Library library) {
    this.pkcs11 = pkcs11;
    this.library = library;
  }

  /** Whether the wrapper can be used in this JVM (it needs the export). */
  static boolean available() {
    return WRAPPER != null;
  }

  /**
   * Loads and initialises the library (once per path and JVM).
   *
   * @throws TokenException when the wrapper is not exported or the library does not load
   */
  static Cryptoki load(Pkcs11Library library) {
    if (WRAPPER == null) {
      throw new TokenException(TokenException.Reason.TOKEN_FAILURE, EXPORT_HINT);
    }
    String path = library.path().toString();
    try {
      Object args = WRAPPER.initArgs.getDeclaredConstructor().newInstance();
      WRAPPER.initArgsFlags.setLong(args, CKF_OS_LOCKING_OK);
      Object pkcs11;
      try {
        pkcs11 = WRAPPER.call(null, WRAPPER.getInstance, path, FUNCTION_LIST, args, false);
      } catch (TokenException e) {
        // Some modules refuse OS locking; SunPKCS11 falls back the same way.
        pkcs11 = WRAPPER.call(null, WRAPPER.getInstance, path, FUNCTION_LIST, null, false);
      }
      return new Cryptoki(pkcs11, library);
    } catch (ReflectiveOperationException e) {
      throw new TokenException(TokenException.Reason.TOKEN_FAILURE, EXPORT_HINT, e);
    }
  }

  /** The initialised tokens, with their index in the library's full slot list. */
  List<Token> tokens() {
    long[] slots = (long[]) WRAPPER.call(pkcs11, WRAPPER.getSlotList, false);
    List<Token> tokens = new ArrayList<>();
    for (int index = 0; index < slots.length; index++) {
      Object slotInfo = WRAPPER.call(pkcs11, WRAPPER.getSlotInfo, slots[index]);
      if ((WRAPPER.longField(WRAPPER.slotFlags, slotInfo) & CKF_TOKEN_PRESENT) == 0) {
        continue;
      }
      Token token = token(index, slots[index]);
      if ((token.flags() & CKF_TOKEN_INITIALIZED) != 0) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** The token in a slot as it is now (its PIN flags change with each login). */
  Token token(int slotListIndex, long slotId) {
    Object info = WRAPPER.call(pkcs11, WRAPPER.getTokenInfo, slotId);
    return new Token(
        library,
        slotListIndex,
        slotId,
        text(WRAPPER.chars(WRAPPER.tokenLabel, info)),
        text(WRAPPER.chars(WRAPPER.tokenSerial, info)),
        text(WRAPPER.chars(WRAPPER.tokenManufacturer, info)),
        text(WRAPPER.chars(WRAPPER.tokenModel, info)),
        WRAPPER.longField(WRAPPER.tokenFlags, info));
  }

  /** The mechanisms the token in the slot supports. */
  long[] mechanisms(long slotId) {
    return (long[]) WRAPPER.call(pkcs11, WRAPPER.getMechanismList, slotId);
  }

  /**
   * Sets the user PIN of the token in the slot as its security officer (SO): opens a read-write
   * session, logs out whoever is logged in to the token (PKCS#11 logins belong to the whole
   * application, so that the SO PIN is checked by the token), logs in as SO, calls {@code
   * C_InitPIN}, logs out and closes the session. The PINs are neither kept nor logged.
   *
   * @throws TokenException SO_PIN_INCORRECT or SO_PIN_LOCKED (with the token's SO PIN flags),
   *     USER_PIN_INVALID when the token refuses the new PIN (length, characters), TOKEN_FAILURE
   */
  void initUserPin(int slotListIndex, long slotId, char[] soPin, byte[] userPin) {
    long session =
        (long)
            WRAPPER.call(
                pkcs11,
                WRAPPER.openSession,
                slotId,
                CKF_SERIAL_SESSION | CKF_RW_SESSION,
                null,
                null);
    try {
      logoutQuietly(session);
      try {
        WRAPPER.call(pkcs11, WRAPPER.login, session, CKU_SO, soPin);
      } catch (TokenException e) {
        long rv = WRAPPER.errorCode(e.getCause());
        if (rv == CKR_PIN_INCORRECT
            || rv == CKR_PIN_INVALID
            || rv == CKR_PIN_LEN_RANGE
            || rv == CKR_PIN_LOCKED) {
          Token token = token(slotListIndex, slotId);
          boolean locked = rv == CKR_PIN_LOCKED || token.soPinState().locked();
          PinState pin = token.soPinState();
          throw new TokenException(
              locked ? TokenException.Reason.SO_PIN_LOCKED : TokenException.Reason.SO_PIN_INCORRECT,
              locked ? "The security officer's PIN is locked" : "Wrong security officer PIN",
              locked ? new PinState(pin.countLow(), pin.finalTry(), true) : pin,
              null);
        }
        throw new TokenException(
            TokenException.Reason.TOKEN_FAILURE,
            "The token refused the security officer's login: " + e.getMessage(),
            e.getCause());
      }
      try {
        long rv = InitPin.call(library.path(), session, userPin);
        if (rv == CKR_PIN_INVALID || rv == CKR_PIN_LEN_RANGE) {
          throw new TokenException(
              TokenException.Reason.USER_PIN_INVALID,
              "The token refuses this user PIN ("
                  + returnValue(rv)
                  + "): see its length and characters");
        }
        if (rv != 0) {
          throw new TokenException(
              TokenException.Reason.TOKEN_FAILURE, "PKCS#11 C_InitPIN failed: " + returnValue(rv));
        }
      } finally {
        logoutQuietly(session);
      }
    } finally {
      try {
        WRAPPER.call(pkcs11, WRAPPER.closeSession, session);
      } catch (TokenException e) {
        // The session is gone with the token.
      }
    }
  }

  private void logoutQuietly(long session) {
    try {
      WRAPPER.call(pkcs11, WRAPPER.logout, session);
    } catch (TokenException e) {
      // CKR_USER_NOT_LOGGED_IN: nobody was logged in.
    }
  }

  /** A CK_RV as PKCS#11 names it where this class knows the name, else in hex. */
  static String returnValue(long rv) {
    if (rv == CKR_PIN_INVALID) {
      return "CKR_PIN_INVALID";
    }
    if (rv == CKR_PIN_LEN_RANGE) {
      return "CKR_PIN_LEN_RANGE";
    }
    return String.format("CK_RV 0x%08X", rv);
  }

  /**
   * A blank-padded CK_UTF8CHAR field. The wrapper widens each byte to a char, so the bytes are
   * decoded again as UTF-8 (a Chinese label stays readable).
   */
  static String text(char[] padded) {
    byte[] bytes = new byte[padded.length];
    for (int i = 0; i < padded.length; i++) {
      bytes[i] = (byte) padded[i];
    }
    return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip();
  }

  /** The wrapper's classes and members, looked up once; null when they are not accessible. */
  private record Wrapper(
      Method getInstance,
      Method getSlotList,
      Method getSlotInfo,
      Method getTokenInfo,
      Method getMechanismList,
      Method openSession,
      Method closeSession,
      Method login,
      Method logout,
      Method getErrorCode,
      Class<?> initArgs,
      Field initArgsFlags,
      Field slotFlags,
      Field tokenLabel,
      Field tokenSerial,
      Field tokenManufacturer,
      Field tokenModel,
      Field tokenFlags) {

    static Wrapper lookUp() {
      String prefix = "sun.security.pkcs11.wrapper.";
      try {
        Class<?> pkcs11 = Class.forName(prefix + "PKCS11");
        Class<?> initArgs = Class.forName(prefix + "CK_C_INITIALIZE_ARGS");
        Class<?> slotInfo = Class.forName(prefix + "CK_SLOT_INFO");
        Class<?> tokenInfo = Class.forName(prefix + "CK_TOKEN_INFO");
        Class<?> notify = Class.forName(prefix + "CK_NOTIFY");
        Class<?> exception = Class.forName(prefix + "PKCS11Exception");
        Method getInstance =
            pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class);
        if (!getInstance.canAccess(null)) {
          return null;
        }
        return new Wrapper(
            getInstance,
            pkcs11.getMethod("C_GetSlotList", boolean.class),
            pkcs11.getMethod("C_GetSlotInfo", long.class),
            pkcs11.getMethod("C_GetTokenInfo", long.class),
            pkcs11.getMethod("C_GetMechanismList", long.class),
            pkcs11.getMethod("C_OpenSession", long.class, long.class, Object.class, notify),
            pkcs11.getMethod("C_CloseSession", long.class),
            pkcs11.getMethod("C_Login", long.class, long.class, char[].class),
            pkcs11.getMethod("C_Logout", long.class),
            exception.getMethod("getErrorCode"),
            initArgs,
            initArgs.getField("flags"),
            slotInfo.getField("flags"),
            tokenInfo.getField("label"),
            tokenInfo.getField("serialNumber"),
            tokenInfo.getField("manufacturerID"),
            tokenInfo.getField("model"),
            tokenInfo.getField("flags"));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    Object call(Object target, Method method, Object... args) {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw new TokenException(
            TokenException.Reason.TOKEN_FAILURE,
            "PKCS#11 " + method.getName() + " failed: " + cause.getMessage(),
            cause);
      } catch (IllegalAccessException e) {
        throw new TokenException(TokenException.Reason.TOKEN_FAILURE, EXPORT_HINT, e);
      }
    }

    /** The CK_RV of a PKCS11Exception, or -1 for anything else. */
    long errorCode(Throwable exception) {
      if (exception == null || !getErrorCode.getDeclaringClass().isInstance(exception)) {
        return -1;
      }
      try {
        return (long) getErrorCode.invoke(exception);
      } catch (ReflectiveOperationException e) {
        return -1;
      }
    }

    long longField(Field field, Object target) {
      try {
        return field.getLong(target);
      } catch (IllegalAccessException e) {
        throw new TokenException(TokenException.Reason.TOKEN_FAILURE, EXPORT_HINT, e);
      }
    }

    char[] chars(Field field, Object target) {
      try {
        return (char[]) field.get(target);
      } catch (IllegalAccessException e) {
        throw new TokenException(TokenException.Reason.TOKEN_FAILURE, EXPORT_HINT, e);
      }
    }
  }
}
