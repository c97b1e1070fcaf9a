package cn.cwca.portal.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Empty SoftHSM2 tokens for CAs whose keys live on an HSM, and one for applicants' key pairs, in a
 * private token directory of the integration-test server, which runs with {@code SOFTHSM2_CONF}
 * pointing at it. The portal's CA (with it.ca.token=PKCS11) and the benchmark's HSM connection
 * factories select the CA tokens by slot-list index (0, 1, ...) and create a CA on each at first
 * use; the token for applicants' keys comes after them, and the in-container tests find it by the
 * slot id in the server's system property {@value #APPLICANT_KEYS_SLOT_PROPERTY}. Without SoftHSM2
 * installed there are none, and what needs them says so.
 */
public final class CaHsmTokens {

  /** The user PIN of these throw-away tokens (not a secret: they live under target/). */
  public static final String PIN = "13572468";

  /**
   * The label of the token on which the in-container tests make applicants' key pairs, as a USB key
   * makes them; it is listed after the CA tokens.
   */
  public static final String APPLICANT_KEYS_LABEL = "caportal-applicant-keys";

  /** The server's system property holding the slot id of the applicants' keys token. */
  public static final String APPLICANT_KEYS_SLOT_PROPERTY = "caportal.it.applicantKeysSlot";

  private static final String SO_PIN = "86427531";

  private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

  /** The PKCS#11 module, where Debian and other distributions put it. */
  public static final List<Path> LIBRARIES =
      List.of(
          Path.of("/usr/lib/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
          Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

  /**
   * The tokens made for the server.
   *
   * @param environment what the server's process needs to see them ({@code SOFTHSM2_CONF})
   * @param applicantKeysSlot the slot id of the token labelled {@value #APPLICANT_KEYS_LABEL}
   */
  public record Tokens(Map<String, String> environment, long applicantKeysSlot) {}

  private CaHsmTokens() {}

  /** The installed SoftHSM2 module, if any. */
  public static Optional<Path> library() {
    return LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * Creates {@code caTokens} empty tokens labelled {@code caportal-ca-0}, {@code caportal-ca-1},
   * ... at slot-list indexes 0, 1, ..., and the token for applicants' keys after them, under {@code
   * folder} (deleting earlier ones); nothing when SoftHSM2 is not installed.
   *
   * <p>SoftHSM2 gives an initialised token the slot id its random serial number makes and lists the
   * tokens by slot id, whatever their order of creation: the tokens are therefore initialised
   * first, and then labelled again in the order of their slot ids (initialising a token again keeps
   * its serial, and so its slot).
   */
  static Optional<Tokens> create(Path folder, int caTokens) throws IOException {
    if (library().isEmpty()) {
      System.out.println("SoftHSM2 is not installed: the server gets no HSM tokens");
      return Optional.empty();
    }
    Path configuration = folder.resolve("softhsm2.conf");
    Path tokens = folder.resolve("tokens");
    IntegrationServer.deleteTree(folder);
    Files.createDirectories(tokens);
    Files.writeString(
        configuration,
        "directories.tokendir = "
            + tokens.toAbsolutePath()
            + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
        StandardCharsets.UTF_8);
    Map<String, String> environment =
        Map.of("SOFTHSM2_CONF", configuration.toAbsolutePath().toString());
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i <= caTokens; i++) {
      String out = initialise(environment, List.of("--free"), "caportal-token-" + i);
      Matcher slot = REASSIGNED.matcher(out);
      if (!slot.find()) {
        throw new IOException("softhsm2-util named no slot for the new token:\n" + out);
      }
      slots.add(Long.parseLong(slot.group(1)));
    }
    slots.sort(null);
    for (int i = 0; i < caTokens; i++) {
      initialise(environment, List.of("--slot", slots.get(i).toString()), "caportal-ca-" + i);
    }
    long applicantKeys = slots.get(caTokens);
    initialise(environment, List.of("--slot", Long.toString(applicantKeys)), APPLICANT_KEYS_LABEL);
    return Optional.of(new Tokens(environment, applicantKeys));
  }

  /**
   * Initialises (again) the token that {@code where} selects, with this label; the tool's output.
   */
  private static String initialise(
      Map<String, String> environment, List<String> where, String label) throws IOException {
    List<String> args = new ArrayList<>(List.of("--init-token"));
    args.addAll(where);
    args.addAll(List.of("--label", label, "--pin", PIN, "--so-pin", SO_PIN));
    return softhsm2Util(environment, args);
  }

  private static String softhsm2Util(Map<String, String> environment, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("softhsm2-util"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("softhsm2-util " + args.get(0) + " failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }
}
