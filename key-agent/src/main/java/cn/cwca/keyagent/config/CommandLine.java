package cn.cwca.keyagent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent's command-line options. Each overrides the configuration files, except the allowed
 * origins, which add to them.
 */
public record CommandLine(
    List<String> allowedOrigins,
    List<Integer> ports,
    List<Path> libraries,
    Optional<Path> configFile,
    Optional<Boolean> probeKnownLibraries,
    Optional<Integer> sessionIdleSeconds,
    boolean help,
    boolean version) {

  public static final String USAGE =
      """
      Usage: java -jar ca-key-agent.jar [options]
        --allow-origin URL        a portal origin whose pages may use the agent (repeatable),
                                  e.g. --allow-origin https://ca.example.cn
        --port N                  a loopback port to try (repeatable; default 17643, 17644, 17645)
        --pkcs11-library PATH     a PKCS#11 library to use besides the known ones (repeatable)
        --no-known-libraries      probe only the libraries named with --pkcs11-library
        --session-idle-seconds N  end a token session after N idle seconds (default 300)
        --config FILE             read this agent.properties as well
        --version                 print the agent version
        --help                    print this text
      Configuration files read: agent.properties next to the jar, then
      ~/.ca-key-agent/agent.properties, then --config FILE.""";

  /**
   * Parses {@code --name value} and {@code --name=value} options.
   *
   * @throws ConfigException on an unknown option or a missing or malformed value
   */
  public static CommandLine parse(String... args) {
    List<String> origins = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    List<Path> libraries = new ArrayList<>();
    Path config = null;
    Boolean probeKnown = null;
    Integer idleSeconds = null;
    boolean help = false;
    boolean version = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--version" -> version = true;
        case "--no-known-libraries" -> probeKnown = false;
        case "--allow-origin",
            "--port",
            "--pkcs11-library",
            "--config",
            "--session-idle-seconds" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new ConfigException("Option " + name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--allow-origin" -> origins.add(value);
            case "--port" -> ports.add(number(name, value));
            case "--pkcs11-library" -> libraries.add(Path.of(value));
            case "--config" -> config = Path.of(value);
            default -> idleSeconds = number(name, value);
          }
        }
        default -> throw new ConfigException("Unknown option " + name + "\n" + USAGE);
      }
    }
    return new CommandLine(
        origins,
        ports,
        libraries,
        Optional.ofNullable(config),
        Optional.ofNullable(probeKnown),
        Optional.ofNullable(idleSeconds),
        help,
        version);
  }

  static int number(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " needs a number, not " + value);
    }
  }
}
