package cn.cwca.portal.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's run command ({@link DevServer}) as a real process of its own, on a data folder of
 * its own, for the fault tests: started, stopped with SIGTERM as Ctrl+C does, and its Payara and
 * PostgreSQL killed or restarted underneath it.
 */
public final class RunCommand implements AutoCloseable {

  private static final Pattern ADMIN = Pattern.compile("First administrator:\\s+admin / (\\S+)");
  private static final String RUNNING = "is running (started in";

  private final Path home;
  private final int databasePort;
  private final List<String> output = new ArrayList<>();
  private Process process;
  private String adminPassword;

  /**
   * @param home the run command's {@code CAPORTAL_HOME}: database, CA keystore
   * @param databasePort the embedded PostgreSQL's port
   */
  public RunCommand(Path home, int databasePort) {
    this.home = home.toAbsolutePath();
    this.databasePort = databasePort;
  }

  /** Deletes the data folder: the next start begins with a new database and a new CA. */
  public void deleteData() throws IOException {
    IntegrationServer.deleteTree(home);
  }

  /**
   * Starts the run command and waits until it prints "is running", which it does only once {@code
   * /health/ready} is UP.
   *
   * @return how long that took
   * @throws IllegalStateException with the command's output when it ends instead
   */
  public Duration start() throws IOException, InterruptedException {
    long started = System.nanoTime();
    Files.createDirectories(home);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dpayara.home=" + System.getProperty("payara.home"));
    command.add("-Dportal.ear=" + System.getProperty("portal.ear"));
    command.add(DevServer.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CAPORTAL_HOME", home.toString());
    builder.environment().put("CAPORTAL_EMBEDDED_DB_PORT", Integer.toString(databasePort));
    builder.environment().remove("CAPORTAL_DB_URL");
    process = builder.start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    synchronized (output) {
      output.clear();
    }
    while ((line = lines.readLine()) != null) {
      record(line);
      Matcher admin = ADMIN.matcher(line);
      if (admin.find()) {
        adminPassword = admin.group(1);
      }
      if (line.contains(RUNNING)) {
        break;
      }
    }
    if (line == null) {
      process.waitFor(1, TimeUnit.MINUTES);
      throw new IllegalStateException("The run command ended:\n" + String.join("\n", output()));
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                String more;
                while ((more = lines.readLine()) != null) {
                  record(more);
                }
              } catch (IOException ended) {
                // the process ended
              }
            },
            "run-command-output");
    drain.setDaemon(true);
    drain.start();
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private void record(String line) {
    synchronized (output) {
      output.add(line);
    }
  }

  /** What the run command printed since it was last started. */
  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** The first administrator's password, printed on the first start of a new data folder. */
  public Optional<String> adminPassword() {
    return Optional.ofNullable(adminPassword);
  }

  /** Ctrl+C: SIGTERM to the run command, whose shutdown hook stops Payara and the database. */
  public void stop() throws InterruptedException, IOException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    }
    // A database started again by stopDatabase() is not the run command's own child: stop it too.
    stopPostmaster(home.resolve("postgres-data"));
  }

  /** SIGKILL of the Payara Server process, as a crash or the OOM killer does. */
  public void killPayara() throws IOException, InterruptedException {
    Path pidFile = PayaraDomain.fromSystemProperty().domainDir().resolve("config/pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle payara =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No Payara " + pid));
    payara.destroyForcibly();
    payara.onExit().join();
  }

  /** The Payara Server process. */
  public long payaraPid() throws IOException {
    Path pidFile = PayaraDomain.fromSystemProperty().domainDir().resolve("config/pid");
    return Long.parseLong(Files.readString(pidFile).strip());
  }

  /**
   * Stops the embedded PostgreSQL with a fast shutdown (SIGINT to the postmaster: connections are
   * cut, as in a restart by an operator) and returns a handle that starts it again with the same
   * command line.
   */
  public StoppedDatabase stopDatabase() throws IOException, InterruptedException {
    Path data = home.resolve("postgres-data");
    String opts = Files.readString(data.resolve("postmaster.opts")).strip();
    List<String> command = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
    while (word.find()) {
      command.add(word.group(1) != null ? word.group(1) : word.group(2));
    }
    stopPostmaster(data);
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses to run as root; as the embedded library does, run it in a user
      // namespace of its own, where it is not root.
      command.addAll(0, List.of("unshare", "-U"));
    }
    return () -> {
      Process postgres =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(home.resolve("postgres-restart.log").toFile()))
              .start();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (true) {
        try (Connection c = database()) {
          return;
        } catch (SQLException notYet) {
          if (!postgres.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "PostgreSQL did not start again: "
                    + Files.readString(home.resolve("postgres-restart.log")));
          }
          Thread.sleep(200);
        }
      }
    };
  }

  /** Fast shutdown of the postmaster that runs on the data folder, if one does. */
  private static void stopPostmaster(Path data) throws IOException, InterruptedException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
    if (postmaster.isEmpty()) {
      return;
    }
    new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
    try {
      postmaster.get().onExit().get(1, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("PostgreSQL " + pid + " did not stop", e);
    }
  }

  /** A stopped database, started again by {@link #start}. */
  @FunctionalInterface
  public interface StoppedDatabase {
    void start() throws IOException, InterruptedException;
  }

  /** A connection to the portal's database, for checking what it holds. */
  public Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + databasePort + "/caportal", "postgres", "");
  }

  @Override
  public void close() throws InterruptedException, IOException {
    stop();
  }
}
