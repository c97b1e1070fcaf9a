package cn.cwca.keyagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.keyagent.AgentClient.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The download as a user gets it: unpack ca-key-agent.zip, run start-agent.sh, and the agent
 * answers the portal with the SoftHSM2 tokens and makes keys on them (the jar carries its
 * dependencies and exports the PKCS#11 wrapper to itself).
 */
class PackagedAgentIT {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  private Process agent;

  @AfterEach
  void stopAgent() throws InterruptedException {
    if (agent != null) {
      agent.destroy();
      agent.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void startsFromTheUnpackedDownloadAndServesTheTokens() throws Exception {
    SoftHsm softHsm = SoftHsm.tokens();
    Path install = unpack(Path.of(System.getProperty("keyagent.download.zip")));
    Path home = Files.createDirectories(install.resolveSibling("home"));
    Files.writeString(
        install.resolve("agent.properties"), "allowed-origins=" + TestAgent.PORTAL + "\n");

    ProcessBuilder start =
        new ProcessBuilder(
                "sh",
                install.resolve("start-agent.sh").toString(),
                "--port",
                "0",
                "--no-known-libraries",
                "--pkcs11-library",
                softHsm.library().toString())
            .redirectErrorStream(true);
    start.environment().put("SOFTHSM2_CONF", softHsm.configuration().toString());
    start.environment().put("JAVA_OPTS", "-Duser.home=" + home);
    agent = start.start();
    URI address = awaitListening(agent.getInputStream());

    AgentClient portal = new AgentClient(address, TestAgent.PORTAL);
    JsonObject status = portal.get("/v1/status").json();
    assertEquals(System.getProperty("keyagent.version"), status.getString("agentVersion"));
    TokenOperationsTest.token(status, SoftHsm.TOKEN);
    String session = portal.login(SoftHsm.TOKEN, SoftHsm.PIN);
    Response key =
        portal.post(
            "/v1/keys",
            session,
            Json.createObjectBuilder().add("algorithm", "EC-P256").add("subject", "CN=IT").build());
    assertEquals(201, key.status(), key.body());
    Response initPin =
        portal.post(
            "/v1/tokens/init-pin",
            Json.createObjectBuilder()
                .add("label", SoftHsm.INIT_PIN_TOKEN)
                .add("soPin", SoftHsm.SO_PIN)
                .add("userPin", "24681357")
                .add("reinitialise", true)
                .build());
    assertEquals(204, initPin.status(), initPin.body() + " (C_InitPIN through JNA in the jar)");
    portal.login(SoftHsm.INIT_PIN_TOKEN, "24681357");
    assertTrue(Files.isRegularFile(home.resolve(".ca-key-agent/agent-0.log")), "the agent logs");
  }

  private static URI awaitListening(InputStream output) throws InterruptedException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
              }
            });
    reader.setDaemon(true);
    reader.start();
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertNotNull(line, "The agent did not say where it listens: " + seen);
      seen.add(line);
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        return URI.create(listening.group(1));
      }
    }
    throw new AssertionError("The agent did not say where it listens: " + seen);
  }

  private static Path unpack(Path zip) throws IOException {
    Path target = Files.createDirectories(zip.resolveSibling("it-download"));
    Path root = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        assertTrue(path.startsWith(target), "zip entry inside the folder: " + entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          root = root == null ? path : root;
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path install = target.resolve("ca-key-agent");
    assertTrue(Files.isRegularFile(install.resolve("ca-key-agent.jar")), "jar in the zip");
    assertTrue(
        Files.isRegularFile(install.resolve("start-agent.cmd")), "Windows script in the zip");
    assertTrue(Files.isRegularFile(install.resolve("README-安装说明.txt")), "guide in the zip");
    return install;
  }
}
