package cn.cwca.portal.devserver;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Finds the jar a class was loaded from, to hand it to the server (the JDBC driver). */
final class JarLocation {
  private JarLocation() {}

  static Path of(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
    }
  }
}
