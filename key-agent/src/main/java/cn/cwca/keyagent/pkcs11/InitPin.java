package cn.cwca.keyagent.pkcs11;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code C_InitPIN} of a PKCS#11 library, which the JDK's wrapper does not offer, called through
 * JNA. The function is taken from the library's {@code CK_FUNCTION_LIST} (as the JDK takes the
 * others), in the same loaded library as the JDK's wrapper, so that it works on the wrapper's
 * sessions.
 */
final class InitPin {

  /** The index of C_InitPIN among the function pointers of CK_FUNCTION_LIST (PKCS#11 v2.40). */
  private static final int C_INIT_PIN = 10;

  private static final Map<Path, Function> FUNCTIONS = new ConcurrentHashMap<>();

  private InitPin() {}

  /**
   * Calls {@code C_InitPIN(session, pin, length)}; the session must be logged in as the security
   * officer. The PIN's copy in native memory is wiped.
   *
   * @return the CK_RV
   */
  static long call(Path library, long session, byte[] pin) {
    try {
      Function function = function(library);
      try (Memory memory = new Memory(Math.max(1, pin.length))) {
        try {
          memory.write(0, pin, 0, pin.length);
          Object rv =
              function.invoke(
                  NativeLong.class,
                  new Object[] {new NativeLong(session), memory, new NativeLong(pin.length)});
          return ((NativeLong) rv).longValue();
        } finally {
          memory.clear();
        }
      }
    } catch (LinkageError e) {
      // JNA's native part could not be loaded on this machine.
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE,
          "The agent cannot call C_InitPIN of the PKCS#11 library: " + e,
          e);
    }
  }

  /** C_InitPIN of the library, from its function list. */
  static Function function(Path library) {
    return FUNCTIONS.computeIfAbsent(library, InitPin::lookUp);
  }

  private static Function lookUp(Path library) {
    NativeLibrary loaded;
    try {
      loaded = NativeLibrary.getInstance(library.toString());
    } catch (UnsatisfiedLinkError e) {
      // Before the caller's catch: the library's own message says which file is missing.
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE,
          "The PKCS#11 library cannot be opened to set a PIN: " + e.getMessage(),
          e);
    }
    PointerByReference list = new PointerByReference();
    long rv =
        ((NativeLong)
                loaded
                    .getFunction("C_GetFunctionList")
                    .invoke(NativeLong.class, new Object[] {list}))
            .longValue();
    if (rv != 0 || list.getValue() == null) {
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE,
          "C_GetFunctionList of the PKCS#11 library failed: " + Cryptoki.returnValue(rv));
    }
    Pointer pointer =
        list.getValue().getPointer(firstFunctionOffset() + (long) C_INIT_PIN * Native.POINTER_SIZE);
    if (pointer == null) {
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE, "The PKCS#11 library has no C_InitPIN");
    }
    return Function.getFunction(pointer);
  }

  /**
   * Where the function pointers of CK_FUNCTION_LIST start, after its CK_VERSION (two bytes):
   * Cryptoki packs its structures to one byte on Windows and aligns them naturally elsewhere.
   */
  static long firstFunctionOffset() {
    return Platform.isWindows() ? 2 : Native.POINTER_SIZE;
  }
}
