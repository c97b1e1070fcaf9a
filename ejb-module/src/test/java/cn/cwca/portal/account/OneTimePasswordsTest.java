package cn.cwca.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.rules.PasswordPolicy;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

  @Test
  void everyOneTimePasswordSatisfiesThePasswordRule() {
    Random seeded = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      String password = new String(OneTimePasswords.generate(seeded));
      assertEquals(OneTimePasswords.LENGTH, password.length());
      assertTrue(PasswordPolicy.isValid(password), password);
    }
  }

  @Test
  void oneTimePasswordsHaveNoLookAlikeCharacters() {
    for (int i = 0; i < 500; i++) {
      String password = new String(OneTimePasswords.generate());
      assertTrue(password.chars().noneMatch(c -> "0Oo1lI".indexOf(c) >= 0), password);
      assertTrue(password.chars().allMatch(c -> OneTimePasswords.ALPHABET.indexOf(c) >= 0));
    }
  }

  @Test
  void oneTimePasswordsAreStrongAndDoNotRepeat() {
    // 12 characters of 56: more than 64 bits of entropy
    double bits =
        OneTimePasswords.LENGTH * Math.log(OneTimePasswords.ALPHABET.length()) / Math.log(2);
    assertTrue(bits > 64, "bits: " + bits);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(new String(OneTimePasswords.generate())));
    }
  }
}
