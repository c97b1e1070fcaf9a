package cn.cwca.portal.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the CA keeps its keys for a launcher-managed domain: a PKCS#12 keystore and its password,
 * kept in a file readable by the owner only beside it (so that the keystore opens again on the next
 * run).
 */
record CaSettings(Path keystore, String keystorePassword, String keyAlgorithm, String baseUrl) {

  static final String DEFAULT_KEY_ALGORITHM = "EC_P256";

  static CaSettings inFolder(Path folder, String baseUrl) throws IOException {
    Files.createDirectories(folder);
    Path passwordFile = folder.resolve("keystore.password");
    if (!Files.exists(passwordFile)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      Files.writeString(
          passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }
    String algorithm = DatabaseSettings.setting("CAPORTAL_CA_KEY_ALGORITHM");
    return new CaSettings(
        folder.resolve("ca.p12"),
        Files.readString(passwordFile).strip(),
        algorithm == null || algorithm.isBlank() ? DEFAULT_KEY_ALGORITHM : algorithm,
        baseUrl);
  }
}
