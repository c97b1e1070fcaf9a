package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateServiceTest {

  @Test
  void aSerialIsNormalisedToLowerCaseHexWithoutLeadingZeros() {
    assertEquals(Optional.of("4a5bc0ffee"), CertificateService.validSerial(" 004A5BC0FFEE "));
  }

  @Test
  void textThatIsNoSerialNumberGivesNothing() {
    assertEquals(Optional.empty(), CertificateService.validSerial(null));
    assertEquals(Optional.empty(), CertificateService.validSerial(""));
    assertEquals(Optional.empty(), CertificateService.validSerial("12g4"));
    assertEquals(Optional.empty(), CertificateService.validSerial("1".repeat(41)));
    assertEquals(Optional.empty(), CertificateService.validSerial("-1a"));
  }
}
