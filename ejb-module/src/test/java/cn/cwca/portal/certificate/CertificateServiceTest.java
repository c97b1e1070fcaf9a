package cn.cwca.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void readsWhetherAnOcspResponseSaysSuccessful() {
    assertTrue(CertificateService.isSuccessful(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00}));
    assertTrue(
        CertificateService.isSuccessful(
            new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x0a, 0x01, 0x00}));
    assertFalse(CertificateService.isSuccessful(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x06}));
    assertFalse(CertificateService.isSuccessful(new byte[] {0x04, 0x03, 0x0a, 0x01, 0x00}));
    assertFalse(CertificateService.isSuccessful(new byte[0]));
  }
}
