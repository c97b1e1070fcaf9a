package cn.cwca.keyagent.pkcs11;

import java.util.Locale;

/** The operating systems whose vendor libraries the agent knows. */
public enum OperatingSystem {
  LINUX,
  WINDOWS,
  MACOS;

  public static OperatingSystem current() {
    return of(System.getProperty("os.name", ""));
  }

  static OperatingSystem of(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return MACOS;
    }
    return LINUX;
  }
}
