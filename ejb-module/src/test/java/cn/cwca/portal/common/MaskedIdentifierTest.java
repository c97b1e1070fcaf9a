package cn.cwca.portal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskedIdentifierTest {

  @Test
  void showsTheFirstAndLastFourCharacters() {
    assertEquals("1101**********002X", MaskedIdentifier.of("11010519491231002X"));
    assertEquals("1101**********002X", MaskedIdentifier.of(" 11010519491231002X "));
    assertEquals("1234*6789", MaskedIdentifier.of("123456789"));
  }

  @Test
  void masksWhatIsTooShortToHideAnythingWhole() {
    assertEquals("********", MaskedIdentifier.of("12345678"));
    assertEquals("", MaskedIdentifier.of(""));
    assertNull(MaskedIdentifier.of(null));
  }
}
