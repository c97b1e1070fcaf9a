package cn.cwca.keyagent.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PKCS#11 libraries the agent looks for on each operating system, in the places their
 * installers put them. The Longmai mToken GM3000 is the key the portal hands out; SoftHSM2 is the
 * software token of tests and demonstrations; OpenSC drives many smart cards and PIV keys.
 */
public final class KnownLibraries {

  static final String GM3000 = "Longmai mToken GM3000";
  static final String SOFTHSM2 = "SoftHSM2";
  static final String OPENSC = "OpenSC";

  private KnownLibraries() {}

  /** Every candidate path for this OS, existing or not, in probing order. */
  public static List<Pkcs11Library> candidates(
      OperatingSystem os, String osArch, Map<String, String> environment) {
    return switch (os) {
      case LINUX -> linux(multiarch(osArch));
      case WINDOWS -> windows(environment);
      case MACOS -> macos();
    };
  }

  /** The candidates of the running machine that exist, each library once (symbolic links). */
  public static List<Pkcs11Library> present() {
    Map<Path, Pkcs11Library> found = new LinkedHashMap<>();
    for (Pkcs11Library candidate :
        candidates(OperatingSystem.current(), System.getProperty("os.arch", ""), System.getenv())) {
      if (Files.isRegularFile(candidate.path())) {
        found.putIfAbsent(realPath(candidate.path()), candidate);
      }
    }
    return List.copyOf(found.values());
  }

  static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static List<Pkcs11Library> linux(String multiarch) {
    String lib = "/usr/lib/" + multiarch;
    List<Pkcs11Library> libraries = new ArrayList<>();
    add(
        libraries,
        GM3000,
        "/usr/lib/libgm3000_pkcs11.so",
        lib + "/libgm3000_pkcs11.so",
        "/usr/lib64/libgm3000_pkcs11.so",
        "/usr/local/lib/libgm3000_pkcs11.so");
    add(
        libraries,
        SOFTHSM2,
        "/usr/lib/softhsm/libsofthsm2.so",
        lib + "/softhsm/libsofthsm2.so",
        "/usr/lib64/pkcs11/libsofthsm2.so",
        "/usr/local/lib/softhsm/libsofthsm2.so");
    add(
        libraries,
        OPENSC,
        lib + "/opensc-pkcs11.so",
        lib + "/pkcs11/opensc-pkcs11.so",
        "/usr/lib64/opensc-pkcs11.so",
        "/usr/lib64/pkcs11/opensc-pkcs11.so",
        "/usr/lib/opensc-pkcs11.so",
        "/usr/local/lib/opensc-pkcs11.so");
    return libraries;
  }

  private static List<Pkcs11Library> windows(Map<String, String> environment) {
    String system32 = environment.getOrDefault("SystemRoot", "C:\\Windows") + "\\System32";
    String programFiles = environment.getOrDefault("ProgramFiles", "C:\\Program Files");
    List<Pkcs11Library> libraries = new ArrayList<>();
    add(libraries, GM3000, system32 + "\\gm3000_pkcs11.dll");
    add(
        libraries,
        SOFTHSM2,
        "C:\\SoftHSM2\\lib\\softhsm2-x64.dll",
        programFiles + "\\SoftHSM2\\lib\\softhsm2-x64.dll");
    add(
        libraries,
        OPENSC,
        programFiles + "\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll",
        system32 + "\\opensc-pkcs11.dll");
    return libraries;
  }

  private static List<Pkcs11Library> macos() {
    List<Pkcs11Library> libraries = new ArrayList<>();
    add(libraries, GM3000, "/usr/local/lib/libgm3000_pkcs11.dylib");
    add(
        libraries,
        SOFTHSM2,
        "/usr/local/lib/softhsm/libsofthsm2.so",
        "/opt/homebrew/lib/softhsm/libsofthsm2.so");
    add(
        libraries,
        OPENSC,
        "/Library/OpenSC/lib/opensc-pkcs11.so",
        "/usr/local/lib/opensc-pkcs11.so",
        "/opt/homebrew/lib/opensc-pkcs11.so");
    return libraries;
  }

  private static void add(List<Pkcs11Library> libraries, String product, String... paths) {
    for (String path : paths) {
      libraries.add(new Pkcs11Library(product, Path.of(path)));
    }
  }

  /** Debian's multiarch directory name for the JVM's architecture. */
  private static String multiarch(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "aarch64", "arm64" -> "aarch64-linux-gnu";
      case "x86", "i386", "i686" -> "i386-linux-gnu";
      default -> "x86_64-linux-gnu";
    };
  }
}
