package cn.cwca.portal.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaHsmTokensTest {

  @TempDir Path folder;

  /** A token as softhsm2-util lists it, in the order of the library's slot list. */
  private record Listed(long slot, String label) {}

  @Test
  void theCaTokensAreListedFirstInTheirOrderAndTheApplicantKeysTokenAfterThem() throws Exception {
    assumeTrue(CaHsmTokens.library().isPresent(), "SoftHSM2 is not installed");

    CaHsmTokens.Tokens tokens = CaHsmTokens.create(folder.resolve("softhsm"), 3).orElseThrow();

    List<Listed> listed = listed(tokens);
    assertEquals(
        List.of(
            "caportal-ca-0", "caportal-ca-1", "caportal-ca-2", CaHsmTokens.APPLICANT_KEYS_LABEL),
        listed.stream().map(Listed::label).toList(),
        "slot-list indexes 0, 1, 2 are the CAs'");
    assertEquals(tokens.applicantKeysSlot(), listed.get(3).slot());
  }

  /** The initialised tokens, in the slot list's order. */
  private static List<Listed> listed(CaHsmTokens.Tokens tokens) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("softhsm2-util", "--show-slots").redirectErrorStream(true);
    builder.environment().putAll(tokens.environment());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(1, TimeUnit.MINUTES), "softhsm2-util --show-slots finished");
    assertEquals(0, p.exitValue(), out);
    List<Listed> listed = new ArrayList<>();
    Long slot = null;
    for (String line : out.lines().map(String::strip).toList()) {
      if (line.matches("Slot \\d+")) {
        slot = Long.parseLong(line.substring("Slot ".length()));
      } else if (line.startsWith("Label:") && slot != null) {
        String label = line.substring("Label:".length()).strip();
        if (!label.isEmpty()) {
          listed.add(new Listed(slot, label));
        }
      }
    }
    return listed;
  }
}
