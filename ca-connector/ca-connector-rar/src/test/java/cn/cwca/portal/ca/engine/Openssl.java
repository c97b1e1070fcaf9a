package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line, the independent judge of what the CA produces. */
final class Openssl {

  private Openssl() {}

  /** Runs {@code openssl args...}, asserts it succeeded, and returns its output (stdout+stderr). */
  static String run(String... args) {
    Result result = tryRun(args);
    assertEquals(
        0, result.exitCode(), () -> "openssl " + String.join(" ", args) + ":\n" + result.output());
    return result.output();
  }

  record Result(int exitCode, String output) {}

  static Result tryRun(String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("openssl did not finish: " + command);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run openssl (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
