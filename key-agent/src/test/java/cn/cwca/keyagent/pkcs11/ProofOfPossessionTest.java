package cn.cwca.keyagent.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProofOfPossessionTest {

  private static final String NONCE = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void theTextIsTheDomainTheOriginAndTheNonceOnThreeLines() {
    assertEquals(
        "CA-PORTAL-PROOF-V1\nhttps://ca.example.cn\n" + NONCE,
        ProofOfPossession.text("https://ca.example.cn", NONCE));
    assertArrayEquals(
        ("CA-PORTAL-PROOF-V1\nhttps://ca.example.cn:8443\n" + NONCE)
            .getBytes(StandardCharsets.UTF_8),
        ProofOfPossession.message("https://ca.example.cn:8443", NONCE));
  }

  @Test
  void acceptsSixteenToSixtyFourBytes() {
    ProofOfPossession.checkNonce(Base64.getEncoder().encodeToString(new byte[16]));
    ProofOfPossession.checkNonce(Base64.getEncoder().encodeToString(new byte[64]));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15, 65, 128})
  void refusesOtherLengths(int length) {
    String nonce = Base64.getEncoder().encodeToString(new byte[length]);
    assertThrows(IllegalArgumentException.class, () -> ProofOfPossession.checkNonce(nonce));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AAAAAAAAAAAAAAAAAAAAAA", // no padding
        "AAAAAAAAAAAAAAAAAAAAAB==", // stray bits
        "AAAAAAAAAAAAAAAAAAAA\nAA==", // a line break
        "________________________", // URL alphabet
        "AAAAAAAAAAAAAAAAAAAAAA==\n",
      })
  void refusesAnythingButCanonicalStandardBase64(String nonce) {
    assertThrows(IllegalArgumentException.class, () -> ProofOfPossession.checkNonce(nonce));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://ca.example.cn\nX-Other: 1", "https://ca.example.cn\r"})
  void refusesAnOriginThatCouldShiftTheLines(String origin) {
    assertThrows(IllegalArgumentException.class, () -> ProofOfPossession.text(origin, NONCE));
  }
}
