package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.devserver.RunCommand;
import cn.cwca.portal.it.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -P faults verify}: the README's run command as real processes, with real faults
 * injected (a SIGKILL of Payara, a restart of PostgreSQL, a flood of anonymous requests) while
 * organisations apply in Chromium. Prints one line per fault and a summary; docs/reliability.md has
 * the figures.
 */
class ReliabilityFaults {

  private static final int KILL_ROUNDS = Integer.getInteger("faults.killRounds", 10);
  private static final int APPLICANTS = Integer.getInteger("faults.applicants", 3);
  private static final int FLOOD_REQUESTS = Integer.getInteger("faults.floodRequests", 60_000);
  private static final int FLOOD_THREADS = 8;
  private static final long HEAP_GROWTH_LIMIT = 32L * 1024 * 1024;
  private static final Duration LOGIN_PAGE_LIMIT = Duration.ofMillis(500);
  private static final String[] DOCUMENTS = {
    "APPLICATION_FORM",
    "BUSINESS_LICENCE",
    "SERVICE_AGREEMENT",
    "SEAL_FORM",
    "AGENT_ID_COPY",
    "POWER_OF_ATTORNEY"
  };

  private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());
  private static RunCommand portal;
  private static Path pdf;
  private static Path png;

  @BeforeAll
  static void startTheRunCommand() throws Exception {
    Path dir = Path.of("target", "faults");
    Files.createDirectories(dir);
    pdf = Files.write(dir.resolve("申请单.pdf"), ApplicationBrowserIT.minimalPdf());
    png = dir.resolve("身份证.png");
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 120, 80);
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
    portal = new RunCommand(dir.resolve("home"), Integer.getInteger("faults.dbPort", 54339));
    portal.deleteData();
    PortalSteps.database = portal::database;
    Duration started = portal.start();
    report("first start of the run command", "ready in " + started.toSeconds() + " s");
  }

  @AfterAll
  static void stopTheRunCommand() throws Exception {
    PortalSteps.database = cn.cwca.portal.devserver.IntegrationServer::testDatabase;
    if (portal != null) {
      portal.stop();
    }
    System.out.println("==== Fault summary ====");
    SUMMARY.forEach(System.out::println);
    Files.write(Path.of("target", "faults", "summary.txt"), SUMMARY, StandardCharsets.UTF_8);
  }

  private static void report(String fault, String outcome) {
    String line = String.format("FAULT %-55s %s", fault, outcome);
    System.out.println(line);
    SUMMARY.add(line);
  }

  /** An organisation that logs in and submits orders (and pays the paid ones) until stopped. */
  private static final class Applicant {
    final String creditCode = TestIdentities.creditCode();
    final List<String> submitted = Collections.synchronizedList(new ArrayList<>());
    final List<String> paid = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger roundConfirmations = new AtomicInteger();
    final AtomicInteger resumedDrafts = new AtomicInteger();
    volatile boolean hasFreeKey;

    void register() throws Exception {
      try (Browser b = new Browser()) {
        PortalSteps.registerOrganisation(
            b,
            "故障测试" + creditCode.substring(12) + "有限公司",
            creditCode,
            TestIdentities.mobile(),
            "周法人",
            TestIdentities.PASSWORD);
      }
    }

    /**
     * Logs in, resumes the draft a fault left behind (if any) and discards it, then works until
     * {@code stop} is set or the portal fails under it. What goes wrong before the first step of
     * this round is confirmed (the fault comes only after that) is a problem; later, it is the
     * fault.
     */
    void applyUntil(AtomicBoolean stop) {
      roundConfirmations.set(0);
      try (Browser b = new Browser()) {
        try {
          PortalSteps.login(b, creditCode, TestIdentities.PASSWORD);
          b.waitForUrl("/applicant/home.xhtml");
          resumeAndDiscardDraft(b);
        } catch (Exception | AssertionError e) {
          problems.add("before the fault: " + e);
          return;
        }
        while (!stop.get()) {
          boolean further = hasFreeKey;
          String id = PortalSteps.submitNewKeyOrder(b, further, pdf, png);
          submitted.add(id);
          hasFreeKey = true;
          roundConfirmations.incrementAndGet();
          if (further && !stop.get()) {
            PortalSteps.payInSandbox(b, id);
            paid.add(id);
            roundConfirmations.incrementAndGet();
          }
        }
      } catch (Exception | AssertionError cutOff) {
        // the fault cut the journey off: what was confirmed before must be there
      }
    }

    /** A draft left by the fault opens on the step it was saved at, with its uploads. */
    private void resumeAndDiscardDraft(Browser b) throws SQLException {
      String[] draft = draft();
      if (draft == null) {
        return;
      }
      b.open("/applicant/apply.xhtml");
      b.waitForAttribute("wizardStage", "data-stage", "DRAFT_FOUND");
      b.click("resumeDraft");
      b.waitForAttribute("wizardStage", "data-stage", draft[0]);
      if (draft[0].equals("DOCUMENTS")) {
        for (String type : DOCUMENTS) {
          if (Integer.parseInt(draft[1]) > 0 && draft[2].contains(type)) {
            b.waitForAttribute("status_" + type, "data-uploaded", "true");
          }
        }
      }
      resumedDrafts.incrementAndGet();
      b.open("/applicant/apply.xhtml");
      b.waitForAttribute("wizardStage", "data-stage", "DRAFT_FOUND");
      b.click("discardDraft");
      b.find("discardConfirm");
      b.clickAndWaitForAjax("discardYes");
      b.waitForText("messages", "已取消本次申请");
    }

    /** The draft's step, its number of documents and their types; null without a draft. */
    private String[] draft() throws SQLException {
      try (Connection c = portal.database();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT a.wizard_step, count(d.id), string_agg(d.document_type, ',')"
                      + " FROM certificate_application a"
                      + " LEFT JOIN application_document d ON d.application_id = a.id"
                      + " WHERE a.owner_login_name = ? AND a.status = 'DRAFT'"
                      + " GROUP BY a.id, a.wizard_step")) {
        s.setString(1, creditCode);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next()
              ? new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3))}
              : null;
        }
      }
    }
  }

  private static List<Applicant> registerApplicants() throws Exception {
    List<Applicant> applicants = new ArrayList<>();
    for (int i = 0; i < APPLICANTS; i++) {
      Applicant a = new Applicant();
      a.register();
      applicants.add(a);
    }
    return applicants;
  }

  /**
   * Starts the applicants, waits until each has had a step confirmed, lets the fault happen
   * somewhere in the middle of their next steps, and waits for them to stop.
   */
  private static void whileApplying(List<Applicant> applicants, FaultAction fault)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(applicants.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Applicant a : applicants) {
        running.add(pool.submit(() -> a.applyUntil(stop)));
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      // Two confirmed steps each (a submission and a payment, or two submissions), so that the
      // fault also comes while payment notifications arrive.
      while (applicants.stream().anyMatch(a -> a.roundConfirmations.get() < 2)
          && applicants.stream().allMatch(a -> a.problems.isEmpty())
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Thread.sleep(ThreadLocalRandom.current().nextLong(500, 4000));
      fault.run();
      stop.set(true);
      for (Future<?> f : running) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    for (Applicant a : applicants) {
      assertTrue(
          a.problems.isEmpty(),
          a.creditCode
              + ": "
              + a.problems
              + "\nPayara's process: "
              + payaraProcess()
              + "\nThe run command's last output:\n"
              + String.join("\n", tail(portal.output(), 40)));
    }
  }

  /** Whether the Payara process of the pid file is alive, for a failure's message. */
  private static String payaraProcess() {
    try {
      long pid = portal.payaraPid();
      return pid
          + (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? " alive" : " gone");
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown (" + e + ")";
    }
  }

  private static List<String> tail(List<String> lines, int count) {
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  @FunctionalInterface
  private interface FaultAction {
    void run() throws Exception;
  }

  @Test
  void payaraKilledWhileOrganisationsApplyLosesNothingAndComesBackEveryTime() throws Exception {
    List<Applicant> applicants = registerApplicants();
    List<Long> restarts = new ArrayList<>();
    for (int round = 1; round <= KILL_ROUNDS; round++) {
      whileApplying(applicants, portal::killPayara);
      portal.stop();
      long logBefore = Files.size(serverLog());
      restarts.add(portal.start().toSeconds());
      assertNoSevereEntrySince(logBefore, "the start after round " + round);
      checkNothingLostOrDoubled(applicants);
      assertLoginWorks(applicants.get(round % applicants.size()).creditCode);
    }
    int orders = applicants.stream().mapToInt(a -> a.submitted.size()).sum();
    int payments = applicants.stream().mapToInt(a -> a.paid.size()).sum();
    int resumed = applicants.stream().mapToInt(a -> a.resumedDrafts.get()).sum();
    report(
        "SIGKILL of Payara while " + APPLICANTS + " organisations apply, x" + KILL_ROUNDS,
        "PASS: ready again every time (restart "
            + Collections.min(restarts)
            + "-"
            + Collections.max(restarts)
            + " s); "
            + orders
            + " confirmed orders and "
            + payments
            + " payments all there exactly once, with their documents; "
            + resumed
            + " interrupted drafts resumed on their step; logins work");
  }

  @Test
  void aDatabaseRestartUnderLoadSaysUnavailableAndCommitsNothingTwice() throws Exception {
    List<Applicant> applicants = registerApplicants();
    Applicant waiting = new Applicant();
    waiting.register();
    String[] shown = new String[1];
    whileApplying(
        applicants,
        () -> {
          RunCommand.StoppedDatabase db = portal.stopDatabase();
          try (Browser b = new Browser()) {
            PortalSteps.login(b, waiting.creditCode, TestIdentities.PASSWORD);
            b.waitForText("messages", "服务暂时不可用");
            shown[0] = b.text("messages");
          } finally {
            db.start();
          }
        });
    assertFalse(shown[0].contains("用户名或密码错误"), shown[0]);
    Matcher id = Pattern.compile("错误编号：([0-9A-F]{10})").matcher(shown[0]);
    assertTrue(id.find(), "an error id: " + shown[0]);
    String log = Files.readString(serverLog());
    assertTrue(log.contains("Error id " + id.group(1)), "the server log has the error id");
    try (Connection c = portal.database();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM login_attempt WHERE login_name = ?")) {
      s.setString(1, waiting.creditCode);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1), "the attempt that could not be checked is not counted");
      }
    }
    assertLoginWorks(waiting.creditCode);
    checkNothingLostOrDoubled(applicants);
    report(
        "PostgreSQL restarted while organisations apply",
        "PASS: a login meanwhile shows \"服务暂时不可用\" with error id "
            + id.group(1)
            + " (in server.log, attempt not counted); the next login works; "
            + applicants.stream().mapToInt(a -> a.submitted.size()).sum()
            + " confirmed orders there exactly once");
  }

  @Test
  void aFloodOfAnonymousRequestsHoldsNoMemoryWhileLoggedInCallersAreServed() throws Exception {
    Applicant loggedIn = new Applicant();
    loggedIn.register();
    long pid = portal.payaraPid();
    // Warm up the pages, so that what they cache once (compiled views) is not counted as growth.
    flood(300);
    long before = heapUsedAfterFullGc(pid);
    List<Long> servedMillis = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean flooding = new AtomicBoolean(true);
    String[] userFailure = new String[1];
    long floodStarted = System.nanoTime();
    Thread user =
        new Thread(
            () -> {
              try (Browser b = new Browser()) {
                PortalSteps.login(b, loggedIn.creditCode, TestIdentities.PASSWORD);
                b.waitForUrl("/applicant/home.xhtml");
                while (flooding.get()) {
                  long t = System.nanoTime();
                  b.open("/applicant/progress.xhtml");
                  try {
                    b.find("progress");
                  } catch (RuntimeException e) {
                    throw new IllegalStateException(
                        "no 进度查询 at "
                            + b.currentUrl()
                            + " after "
                            + servedMillis.size()
                            + " pages: "
                            + b.driver().getTitle(),
                        e);
                  }
                  servedMillis.add((System.nanoTime() - t) / 1_000_000);
                }
              } catch (Exception | AssertionError e) {
                userFailure[0] = e.getMessage();
              }
            });
    user.start();
    int failures = flood(FLOOD_REQUESTS);
    flooding.set(false);
    user.join();
    double seconds = (System.nanoTime() - floodStarted) / 1e9;
    long after = heapUsedAfterFullGc(pid);
    List<Long> loginMillis = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 20; i++) {
      long t = System.nanoTime();
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(Browser.PORTAL + "/login.xhtml")).build(),
              HttpResponse.BodyHandlers.discarding());
      assertEquals(200, r.statusCode());
      loginMillis.add((System.nanoTime() - t) / 1_000_000);
    }
    Collections.sort(loginMillis);
    List<Long> served = new ArrayList<>(servedMillis);
    Collections.sort(served);
    long growth = after - before;
    report(
        "flood of " + FLOOD_REQUESTS + " anonymous GETs (login, /, register)",
        String.format(
            "%s: %.0f requests/s, %d failed; heap after full GC %d MB -> %d MB (growth %+.1f MB,"
                + " limit 32 MB); login page afterwards median %d ms, max %d ms; a logged-in"
                + " applicant's 进度查询 during the flood: %d pages, median %d ms, max %d ms",
            growth < HEAP_GROWTH_LIMIT ? "PASS" : "FAIL",
            FLOOD_REQUESTS / seconds,
            failures,
            before >> 20,
            after >> 20,
            growth / 1048576.0,
            loginMillis.get(loginMillis.size() / 2),
            loginMillis.get(loginMillis.size() - 1),
            served.size(),
            served.isEmpty() ? -1 : served.get(served.size() / 2),
            served.isEmpty() ? -1 : served.get(served.size() - 1)));
    assertTrue(growth < HEAP_GROWTH_LIMIT, "heap growth " + growth);
    assertTrue(
        loginMillis.get(loginMillis.size() / 2) < LOGIN_PAGE_LIMIT.toMillis(),
        "login page " + loginMillis);
    assertTrue(userFailure[0] == null, "the logged-in applicant failed: " + userFailure[0]);
    assertFalse(served.isEmpty(), "the logged-in applicant was served");
  }

  /** GETs of the login page, the site root and the registration page, without cookies. */
  private static int flood(int requests) throws Exception {
    String[] pages = {"/login.xhtml", "/", "/register.xhtml"};
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(FLOOD_THREADS))
            .build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(FLOOD_THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < FLOOD_THREADS; t++) {
      done.add(
          clients.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                  try {
                    HttpResponse<Void> r =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create(Browser.PORTAL + pages[i % pages.length]))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                  } catch (IOException e) {
                    failures.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    clients.shutdown();
    return failures.get();
  }

  /** The server's heap in use after a full collection, read with the JDK's jcmd. */
  private static long heapUsedAfterFullGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("No heap figure in: " + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  /**
   * A healthy start logs nothing SEVERE: what the server log gained since {@code offset} (its size
   * before the start) has no SEVERE entry.
   */
  private static void assertNoSevereEntrySince(long offset, String what) throws IOException {
    byte[] log = Files.readAllBytes(serverLog());
    String added =
        log.length < offset
            ? new String(log, java.nio.charset.StandardCharsets.UTF_8) // the log was rotated
            : new String(
                log,
                (int) offset,
                log.length - (int) offset,
                java.nio.charset.StandardCharsets.UTF_8);
    List<String> severe = added.lines().filter(line -> line.contains("[SEVERE]")).toList();
    assertTrue(severe.isEmpty(), what + " logged SEVERE entries: " + severe);
  }

  private static Path serverLog() {
    return Path.of(System.getProperty("payara.home"))
        .resolve("glassfish/domains/domain1/logs/server.log");
  }

  private static void assertLoginWorks(String creditCode) throws Exception {
    try (Browser b = new Browser()) {
      PortalSteps.login(b, creditCode, TestIdentities.PASSWORD);
      b.waitForUrl("/applicant/home.xhtml");
    }
  }

  /**
   * Every order and payment the portal confirmed is there once, with every document intact; no
   * order is there half-written; at most the one step each applicant had in flight when the fault
   * came is there without having been confirmed.
   */
  private static void checkNothingLostOrDoubled(List<Applicant> applicants) throws SQLException {
    try (Connection c = portal.database()) {
      for (Applicant a : applicants) {
        for (String id : List.copyOf(a.submitted)) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT a.status, count(d.id),"
                      + " coalesce(bool_and(encode(sha256(d.content), 'hex') = d.sha256), false)"
                      + " FROM certificate_application a"
                      + " LEFT JOIN application_document d ON d.application_id = a.id"
                      + " WHERE a.public_id = ? GROUP BY a.id, a.status")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
              assertTrue(rs.next(), "confirmed order " + id + " is there");
              assertFalse("DRAFT".equals(rs.getString(1)), id + " is submitted");
              assertEquals(DOCUMENTS.length, rs.getInt(2), id + " has every document");
              assertTrue(rs.getBoolean(3), id + "'s documents are intact");
              assertFalse(rs.next());
            }
          }
        }
        for (String id : List.copyOf(a.paid)) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT count(*) FROM payment p JOIN certificate_application a"
                      + " ON a.id = p.application_id WHERE a.public_id = ? AND p.status = 'PAID'")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              assertEquals(1, rs.getInt(1), "confirmed payment of " + id + " is there once");
            }
          }
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM certificate_application"
                    + " WHERE owner_login_name = ? AND status <> 'DRAFT'")) {
          s.setString(1, a.creditCode);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            int orders = rs.getInt(1);
            int confirmed = a.submitted.size();
            assertTrue(
                orders == confirmed || orders == confirmed + 1,
                a.creditCode + ": " + orders + " orders, " + confirmed + " confirmed");
            if (orders == confirmed + 1) {
              // The step in flight committed but its answer never reached the applicant: it is a
              // whole order all the same.
              a.hasFreeKey = true;
            }
          }
        }
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT count(*) FROM certificate_application a WHERE a.status <> 'DRAFT'"
                      + " AND (SELECT count(*) FROM application_document d"
                      + " WHERE d.application_id = a.id) < ?");
          ResultSet rs = executeWith(s, DOCUMENTS.length)) {
        rs.next();
        assertEquals(0, rs.getInt(1), "no submitted order lacks a document");
      }
    }
  }

  private static ResultSet executeWith(PreparedStatement s, int value) throws SQLException {
    s.setInt(1, value);
    return s.executeQuery();
  }
}
