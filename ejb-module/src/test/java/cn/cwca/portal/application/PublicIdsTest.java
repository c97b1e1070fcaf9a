package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicIdsTest {

  @Test
  void applicationIdIsSixteenBase32Characters() {
    String id = PublicIds.newApplicationId();
    assertTrue(id.matches("[A-Z2-7]{16}"), id);
  }

  @Test
  void applicationIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(PublicIds.newApplicationId());
    }
    assertEquals(10_000, ids.size());
  }

  @Test
  void typedIdIsTrimmedAndUpperCased() {
    assertEquals("ABCDEFGHIJKLMNOP", PublicIds.normalize(" abcdefghijklmnop "));
  }

  @Test
  void somethingElseIsNoApplicationId() {
    assertNull(PublicIds.normalize("171317632342332896"));
    assertNull(PublicIds.normalize("ABCDEFGHIJKLMNO1"));
    assertNull(PublicIds.normalize(null));
  }

  @Test
  void submissionTokenIs128BitsInHex() {
    assertTrue(PublicIds.newSubmissionToken().matches("[0-9a-f]{32}"));
  }
}
