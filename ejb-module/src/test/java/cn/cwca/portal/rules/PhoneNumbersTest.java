package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "13800138000, 13800138000",
    "'+86 138-0013-8000', 13800138000",
    "0635-8888888, 0635-8888888",
    "010-12345678, 010-12345678",
    "(0635)8888888, 0635-8888888",
    "'（0635）8888888', 0635-8888888",
    "'(010) 12345678', 010-12345678",
    "'0635 8888888', 0635-8888888",
    "06358888888, 0635-8888888",
    "01012345678, 010-12345678",
    "020-87654321, 020-87654321",
    "'0635－8888888', 0635-8888888",
    "0635-8888888-123, 0635-8888888-123",
    "0635-8888888转123, 0635-8888888-123",
    "'0635-8888888 ext 45', 0635-8888888-45",
    "0635-8888888#6, 0635-8888888-6",
    "'010-12345678 x 123456', 010-12345678-123456",
    "' 0635-8888888 ', 0635-8888888"
  })
  void acceptsMobilesAndLandlinesWithAreaCodeAndNormalisesThem(String typed, String stored) {
    assertTrue(PhoneNumbers.isValid(typed), typed);
    assertEquals(stored, PhoneNumbers.normalize(typed));
    assertTrue(PhoneNumbers.isValid(stored));
    assertTrue(stored.length() <= PhoneNumbers.MAX_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8888888", // no area code
        "12345678",
        "635-8888888", // area code without its 0
        "0635-888888", // six digits
        "0635-888888888", // nine digits
        "0635-0888888", // a local number never starts with 0
        "011-12345678", // no such area code
        "0635-8888888-1234567", // extension too long
        "(0635-8888888", // unbalanced bracket
        "0635)8888888",
        "0635--", // nothing after the area code
        "12440", // the manual's refused mobile
        "1380013800", // ten digits
        "abc-defghij",
        "   "
      })
  @NullAndEmptySource
  void refusesNumbersWithoutAreaCodeAndMalformedOnes(String typed) {
    assertFalse(PhoneNumbers.isValid(typed), typed);
  }

  @Test
  void normalisesAnInvalidValueOnlyByStrippingIt() {
    assertEquals("0635-0888888", PhoneNumbers.normalize(" 0635-0888888 "));
    assertNull(PhoneNumbers.normalize(null));
  }
}
