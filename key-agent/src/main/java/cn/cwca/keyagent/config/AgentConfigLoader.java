package cn.cwca.keyagent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Reads the configuration files and the command line into an {@link AgentConfig}.
 *
 * <p>Files are read in order, later values winning: {@code agent.properties} next to the jar
 * (written by the portal into the download, it names the portal's origin), then {@code
 * ~/.ca-key-agent/agent.properties}, then {@code --config FILE}; the command line wins over all.
 * Allowed origins are the union of every source.
 */
public final class AgentConfigLoader {

  public static final String FILE_NAME = "agent.properties";

  static final String ALLOWED_ORIGINS = "allowed-origins";
  static final String PORTS = "ports";
  static final String PKCS11_LIBRARIES = "pkcs11-libraries";
  static final String PROBE_KNOWN_LIBRARIES = "probe-known-libraries";
  static final String SESSION_IDLE_SECONDS = "session-idle-seconds";
  static final String MAX_REQUEST_BYTES = "max-request-bytes";

  private static final Logger LOG = Logger.getLogger(AgentConfigLoader.class.getName());

  private final List<Path> files;

  /** Reads the given files (those that exist) before the command line's {@code --config}. */
  public AgentConfigLoader(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** The files of an installation: next to the jar, then in the user's home. */
  public static AgentConfigLoader forInstallation(Path installDirectory, Path userHome) {
    return new AgentConfigLoader(
        List.of(
            installDirectory.resolve(FILE_NAME),
            userHome.resolve(".ca-key-agent").resolve(FILE_NAME)));
  }

  public AgentConfig load(CommandLine commandLine) {
    List<Path> sources = new ArrayList<>(files);
    commandLine.configFile().ifPresent(sources::add);
    List<String> origins = new ArrayList<>();
    Properties merged = new Properties();
    for (Path file : sources) {
      Properties properties = read(file, commandLine.configFile().filter(file::equals).isPresent());
      origins.addAll(list(properties.getProperty(ALLOWED_ORIGINS), "[,\\s]+"));
      merged.putAll(properties);
    }
    origins.addAll(commandLine.allowedOrigins());

    List<Integer> ports = commandLine.ports();
    if (ports.isEmpty()) {
      ports =
          merged.containsKey(PORTS)
              ? list(merged.getProperty(PORTS), "[,\\s]+").stream()
                  .map(port -> CommandLine.number(PORTS, port))
                  .toList()
              : AgentConfig.DEFAULT_PORTS;
    }
    List<Path> libraries = new ArrayList<>(commandLine.libraries());
    list(merged.getProperty(PKCS11_LIBRARIES), ";").stream().map(Path::of).forEach(libraries::add);
    boolean probeKnown =
        commandLine
            .probeKnownLibraries()
            .orElse(Boolean.parseBoolean(merged.getProperty(PROBE_KNOWN_LIBRARIES, "true")));
    int idleSeconds =
        commandLine
            .sessionIdleSeconds()
            .orElse(
                CommandLine.number(
                    SESSION_IDLE_SECONDS,
                    merged.getProperty(
                        SESSION_IDLE_SECONDS,
                        Long.toString(AgentConfig.DEFAULT_SESSION_IDLE_TIMEOUT.toSeconds()))));
    int maxRequestBytes =
        CommandLine.number(
            MAX_REQUEST_BYTES,
            merged.getProperty(
                MAX_REQUEST_BYTES, Integer.toString(AgentConfig.DEFAULT_MAX_REQUEST_BYTES)));
    return new AgentConfig(
        ports,
        AllowedOrigins.of(origins),
        libraries,
        probeKnown,
        Duration.ofSeconds(idleSeconds),
        maxRequestBytes);
  }

  private static Properties read(Path file, boolean required) {
    Properties properties = new Properties();
    if (!Files.isRegularFile(file)) {
      if (required) {
        throw new ConfigException("Configuration file not found: " + file);
      }
      return properties;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      LOG.info(() -> "Read configuration " + file);
      return properties;
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    }
  }

  private static List<String> list(String value, String separator) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.strip().split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
