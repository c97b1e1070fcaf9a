package cn.cwca.keyagent;

import cn.cwca.keyagent.config.AgentConfig;
import cn.cwca.keyagent.config.AgentConfigLoader;
import cn.cwca.keyagent.config.CommandLine;
import cn.cwca.keyagent.config.ConfigException;
import cn.cwca.keyagent.http.AgentServer;
import cn.cwca.keyagent.pkcs11.LibraryStatus;
import cn.cwca.keyagent.pkcs11.TokenDirectory;
import cn.cwca.keyagent.pkcs11.TokenService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Starts the agent: reads the configuration, probes the PKCS#11 libraries, listens on loopback and
 * prints where. Runs until the process is stopped (Ctrl+C or closing the window).
 */
public final class KeyAgent {

  private static final Logger LOG = Logger.getLogger(KeyAgent.class.getName());

  private KeyAgent() {}

  public static void main(String[] args) throws InterruptedException {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    PrintStream out = System.out;
    AgentVersion version = AgentVersion.current();
    AgentConfig config;
    try {
      CommandLine commandLine = CommandLine.parse(args);
      if (commandLine.help()) {
        out.println(CommandLine.USAGE);
        return;
      }
      if (commandLine.version()) {
        out.println(
            "CA Key Agent " + version.agentVersion() + " (API v" + version.apiVersion() + ")");
        return;
      }
      Path home = Path.of(System.getProperty("user.home"));
      logToFile(home.resolve(".ca-key-agent"));
      config = AgentConfigLoader.forInstallation(installDirectory(), home).load(commandLine);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    TokenService tokens =
        new TokenService(
            TokenDirectory.configuredBy(config), Clock.systemUTC(), config.sessionIdleTimeout());
    AgentServer server;
    try {
      server = AgentServer.start(config, tokens, version);
    } catch (IOException e) {
      System.err.println("CA Key Agent cannot listen: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));

    out.println("CA Key Agent " + version.agentVersion() + " listening on " + server.address());
    if (config.allowedOrigins().isEmpty()) {
      out.println(
          "WARNING: no allowed origin is configured, so every page is refused. Put"
              + " allowed-origins=https://<portal> into agent.properties next to the jar, or start"
              + " with --allow-origin https://<portal>.");
    } else {
      out.println("Allowed origins: " + config.allowedOrigins());
    }
    for (LibraryStatus library : tokens.libraries()) {
      out.println(
          "PKCS#11 library "
              + library.library().path()
              + " ("
              + library.library().product()
              + "): "
              + (library.loaded() ? "loaded" : library.problem().orElse("not loaded")));
    }
    if (tokens.libraries().isEmpty()) {
      out.println("No PKCS#11 library found; name one with --pkcs11-library PATH.");
    }
    out.println("Press Ctrl+C to stop.");
    stopped.await();
  }

  /** The folder of the running jar: its agent.properties was written by the portal. */
  static Path installDirectory() {
    try {
      Path location =
          Path.of(KeyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(location) ? location.getParent() : location;
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("").toAbsolutePath();
    }
  }

  private static void logToFile(Path directory) {
    try {
      Files.createDirectories(directory);
      FileHandler file =
          new FileHandler(directory.resolve("agent-%g.log").toString(), 1_000_000, 3, true);
      file.setFormatter(new SimpleFormatter());
      file.setEncoding(StandardCharsets.UTF_8.name());
      Logger.getLogger("").addHandler(file);
    } catch (IOException | SecurityException e) {
      LOG.log(Level.WARNING, "Cannot write the log file in " + directory, e);
    }
  }
}
