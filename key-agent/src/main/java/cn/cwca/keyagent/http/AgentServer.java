package cn.cwca.keyagent.http;

import cn.cwca.keyagent.AgentVersion;
import cn.cwca.keyagent.config.AgentConfig;
import cn.cwca.keyagent.pkcs11.TokenService;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The agent's HTTP server on 127.0.0.1 (never another interface), on the first free port of the
 * configured list. Closing it ends every token session.
 */
public final class AgentServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AgentServer.class.getName());
  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService sweeper;
  private final TokenService tokens;

  private AgentServer(
      HttpServer server,
      ExecutorService workers,
      ScheduledExecutorService sweeper,
      TokenService tokens) {
    this.server = server;
    this.workers = workers;
    this.sweeper = sweeper;
    this.tokens = tokens;
  }

  /**
   * Starts serving the API for the tokens.
   *
   * @throws BindException when none of the configured ports is free
   */
  public static AgentServer start(AgentConfig config, TokenService tokens, AgentVersion version)
      throws IOException {
    HttpServer server = bind(config);
    int port = server.getAddress().getPort();
    server.createContext(
        "/",
        new ApiHandler(
            new RequestGuard(config.allowedOrigins(), port),
            new JsonBodies(config.maxRequestBytes()),
            tokens,
            version));
    ExecutorService workers = Executors.newFixedThreadPool(4, daemonThreads("key-agent-http"));
    server.setExecutor(workers);
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("key-agent-idle-sessions"));
    long period = sweepPeriod(config.sessionIdleTimeout()).toMillis();
    sweeper.scheduleAtFixedRate(tokens::endIdleSessions, period, period, TimeUnit.MILLISECONDS);
    server.start();
    LOG.info(() -> "Listening on http://127.0.0.1:" + port);
    return new AgentServer(server, workers, sweeper, tokens);
  }

  private static HttpServer bind(AgentConfig config) throws IOException {
    InetAddress loopback = InetAddress.getByAddress(LOOPBACK);
    for (int port : config.ports()) {
      try {
        return HttpServer.create(new InetSocketAddress(loopback, port), 0);
      } catch (BindException e) {
        LOG.info(() -> "Port " + port + " is in use; trying the next one");
      }
    }
    throw new BindException(
        "None of the ports " + config.ports() + " is free on 127.0.0.1; is the agent running?");
  }

  private static Duration sweepPeriod(Duration idleTimeout) {
    Duration quarter = idleTimeout.dividedBy(4);
    Duration period =
        quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    return period.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : period;
  }

  private static ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:17643}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Stops listening (at once, with no grace period) and logs out of every token. */
  @Override
  public void close() {
    server.stop(0);
    sweeper.shutdownNow();
    workers.shutdownNow();
    tokens.close();
    LOG.info("Stopped");
  }
}
