package cn.cwca.keyagent.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownLibrariesTest {

  @Test
  void probesGm3000SoftHsmAndOpenScOnLinux() {
    List<String> paths = paths(OperatingSystem.LINUX, "amd64", Map.of());

    assertTrue(paths.contains("/usr/lib/libgm3000_pkcs11.so"));
    assertTrue(paths.contains("/usr/lib/softhsm/libsofthsm2.so"));
    assertTrue(paths.contains("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));
    assertTrue(paths.contains("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"));
    assertEquals("/usr/lib/libgm3000_pkcs11.so", paths.get(0), "the portal's own key comes first");
  }

  @Test
  void probesTheGm3000DllInSystem32OnWindows() {
    List<String> paths =
        paths(
            OperatingSystem.WINDOWS,
            "amd64",
            Map.of("SystemRoot", "D:\\Windows", "ProgramFiles", "D:\\Program Files"));

    assertTrue(paths.contains("D:\\Windows\\System32\\gm3000_pkcs11.dll"));
    assertTrue(
        paths.contains("D:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll"));
  }

  @Test
  void probesTheGm3000DylibOnMacos() {
    assertTrue(
        paths(OperatingSystem.MACOS, "aarch64", Map.of())
            .contains("/usr/local/lib/libgm3000_pkcs11.dylib"));
  }

  @Test
  void recognisesTheOperatingSystemByName() {
    assertEquals(OperatingSystem.WINDOWS, OperatingSystem.of("Windows 11"));
    assertEquals(OperatingSystem.MACOS, OperatingSystem.of("Mac OS X"));
    assertEquals(OperatingSystem.LINUX, OperatingSystem.of("Linux"));
  }

  private static List<String> paths(OperatingSystem os, String arch, Map<String, String> env) {
    return KnownLibraries.candidates(os, arch, env).stream()
        .map(library -> library.path().toString())
        .toList();
  }
}
