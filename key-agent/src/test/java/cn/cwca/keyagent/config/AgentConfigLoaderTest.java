package cn.cwca.keyagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentConfigLoaderTest {

  @TempDir Path install;
  @TempDir Path home;

  @Test
  void usesTheDocumentedPortsAndFiveMinutesIdleTimeByDefault() {
    AgentConfig config = load();

    assertEquals(List.of(17643, 17644, 17645), config.ports());
    assertEquals(Duration.ofMinutes(5), config.sessionIdleTimeout());
    assertTrue(config.allowedOrigins().isEmpty());
    assertTrue(config.probeKnownLibraries());
  }

  @Test
  void readsTheAllowedOriginFromTheFileNextToTheJar() throws IOException {
    write(install, "allowed-origins=https://ca.example.cn\n");

    assertTrue(load().allowedOrigins().allows("https://ca.example.cn"));
  }

  @Test
  void unitesTheAllowedOriginsOfEverySource() throws IOException {
    write(install, "allowed-origins=https://ca.example.cn\n");
    write(home.resolve(".ca-key-agent"), "allowed-origins=https://test.example.cn:8443\n");

    AgentConfig config = load("--allow-origin", "http://localhost:8080");

    assertEquals(
        Set.of("https://ca.example.cn", "https://test.example.cn:8443", "http://localhost:8080"),
        config.allowedOrigins().values());
  }

  @Test
  void letsTheUsersFileAndThenTheCommandLineOverrideTheInstallation() throws IOException {
    write(install, "ports=18000\nsession-idle-seconds=120\n");
    write(home.resolve(".ca-key-agent"), "ports=18001, 18002\n");

    AgentConfig config = load("--session-idle-seconds", "60");

    assertEquals(List.of(18001, 18002), config.ports());
    assertEquals(Duration.ofSeconds(60), config.sessionIdleTimeout());
    assertEquals(List.of(18003), load("--port=18003").ports());
  }

  @Test
  void takesUserNamedLibrariesFromFileAndCommandLine() throws IOException {
    write(
        install, "pkcs11-libraries=/opt/a/liba.so; /opt/b/libb.so\nprobe-known-libraries=false\n");

    AgentConfig config = load("--pkcs11-library", "/opt/c/libc.so");

    assertEquals(
        List.of(Path.of("/opt/c/libc.so"), Path.of("/opt/a/liba.so"), Path.of("/opt/b/libb.so")),
        config.namedLibraries());
    assertFalse(config.probeKnownLibraries());
  }

  @Test
  void readsAConfigFileNamedOnTheCommandLine() throws IOException {
    Path extra = Files.createDirectories(home.resolve("elsewhere"));
    write(extra, "allowed-origins=https://other.example.cn\n");

    AgentConfig config = load("--config", extra.resolve(AgentConfigLoader.FILE_NAME).toString());

    assertTrue(config.allowedOrigins().allows("https://other.example.cn"));
  }

  @Test
  void refusesAMissingConfigFileNamedOnTheCommandLine() {
    assertThrows(
        ConfigException.class, () -> load("--config", home.resolve("no.properties").toString()));
  }

  @Test
  void refusesAnUnknownOption() {
    assertThrows(ConfigException.class, () -> load("--allow-all"));
  }

  @Test
  void normalisesOriginsToTheFormBrowsersSend() {
    assertEquals("https://ca.example.cn", AllowedOrigins.normalise("HTTPS://CA.Example.cn:443/"));
    assertEquals("http://127.0.0.1:8080", AllowedOrigins.normalise("http://127.0.0.1:8080"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "null",
        "https://ca.example.cn/portal",
        "ca.example.cn",
        "ftp://ca.example.cn",
        "https://user@ca.example.cn"
      })
  void refusesWhatIsNotAnOrigin(String configured) {
    assertThrows(ConfigException.class, () -> AllowedOrigins.normalise(configured));
  }

  private AgentConfig load(String... args) {
    return AgentConfigLoader.forInstallation(install, home).load(CommandLine.parse(args));
  }

  private static void write(Path directory, String properties) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(AgentConfigLoader.FILE_NAME), properties);
  }
}
