package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private static final String PASSWORD = "Passw0rdX";
  private static final String STORED = PasswordHasher.hash(PASSWORD.toCharArray());

  @Test
  void verifiesTheHashedPassword() {
    assertTrue(PasswordHasher.verify(PASSWORD.toCharArray(), STORED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Passw0rdx", "Passw0rdX ", "", "passw0rdX"})
  void refusesAnyOtherPassword(String wrong) {
    assertFalse(PasswordHasher.verify(wrong.toCharArray(), STORED));
  }

  @Test
  void saltsEveryHashSoTwoHashesOfOnePasswordDiffer() {
    String again = PasswordHasher.hash(PASSWORD.toCharArray());
    assertNotEquals(STORED, again);
    assertTrue(PasswordHasher.verify(PASSWORD.toCharArray(), again));
  }

  @Test
  void storesSchemeIterationsSixteenByteSaltAndThirtyTwoByteHash() {
    String[] parts = STORED.split(":");
    assertEquals(4, parts.length);
    assertEquals("PBKDF2-SHA256", parts[0]);
    assertEquals("210000", parts[1]);
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
  }

  @Test
  void readsTheIterationCountFromTheStoredValue() {
    String[] parts = STORED.split(":");
    String fewerIterations = parts[0] + ":1000:" + parts[2] + ":" + parts[3];
    assertFalse(PasswordHasher.verify(PASSWORD.toCharArray(), fewerIterations));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "plain",
        "PBKDF2-SHA256:abc:AAAA:AAAA",
        "PBKDF2-SHA256:0:AAAA:AAAA",
        "PBKDF2-SHA256:1000:!!!:AAAA",
        "SHA1:210000:AAAA:AAAA",
        "PBKDF2-SHA256:210000::"
      })
  void refusesStoredValuesNotInTheStoredForm(String stored) {
    assertFalse(PasswordHasher.verify(PASSWORD.toCharArray(), stored));
  }

  @Test
  void refusesAMissingPassword() {
    assertFalse(PasswordHasher.verify(null, STORED));
  }
}
