package cn.cwca.keyagent.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InitPinTest {

  /**
   * The function list's C_InitPIN is the library's exported C_InitPIN: the offset of the function
   * pointers and the index of C_InitPIN are right on this platform.
   */
  @Test
  void findsCInitPinInTheFunctionList() {
    Path library =
        Stream.of(
                "/usr/lib/softhsm/libsofthsm2.so",
                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib64/pkcs11/libsofthsm2.so",
                "/usr/local/lib/softhsm/libsofthsm2.so")
            .map(Path::of)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElse(null);
    assumeTrue(library != null, "SoftHSM2 is not installed");
    Path real = KnownLibraries.realPath(library);

    assertEquals(
        Pointer.nativeValue(NativeLibrary.getInstance(real.toString()).getFunction("C_InitPIN")),
        Pointer.nativeValue(InitPin.function(real)));
  }
}
