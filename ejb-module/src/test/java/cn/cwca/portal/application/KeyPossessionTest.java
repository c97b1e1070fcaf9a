package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPossessionTest {

  private static final LocalDateTime PROVEN = LocalDateTime.of(2026, 3, 1, 2, 0);
  private static final byte[] CERTIFICATE = {0x30, 0x03, 0x02, 0x01, 0x01};
  private static final byte[] ANOTHER = {0x30, 0x03, 0x02, 0x01, 0x02};

  @Test
  void theSameCertificateProvenBeforeNeedsNoNewProof() {
    assertTrue(KeyPossession.alreadyProven(CERTIFICATE, PROVEN, CERTIFICATE.clone()));
  }

  @Test
  void anotherCertificateNeedsItsOwnProof() {
    assertFalse(KeyPossession.alreadyProven(CERTIFICATE, PROVEN, ANOTHER));
  }

  @Test
  void aCertificateThatWasNeverProvenNeedsAProof() {
    assertFalse(KeyPossession.alreadyProven(CERTIFICATE, null, CERTIFICATE));
    assertFalse(KeyPossession.alreadyProven(null, null, CERTIFICATE));
    assertFalse(KeyPossession.alreadyProven(null, PROVEN, CERTIFICATE));
  }

  @ParameterizedTest
  @CsvSource({
    "issuance.proofRequired, application.keyProofRequired",
    "issuance.proofExpired, application.keyProofExpired",
    "issuance.proofInvalid, application.keyProofInvalid"
  })
  void aRefusedProofIsToldInTheWordsOfTheWizard(String proofRefusal, String stepRefusal) {
    assertEquals(stepRefusal, KeyPossession.refusal(proofRefusal));
    ResourceBundle messages =
        ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);
    assertTrue(messages.getString(stepRefusal).contains("KEY"), messages.getString(stepRefusal));
  }

  @Test
  void theNonceOfStepOneServesNoOtherPurpose() {
    assertFalse(KeyPossession.PURPOSE.startsWith("make:"), "制证's purposes are make:<申请ID>");
    assertTrue(KeyPossession.PURPOSE.length() <= 64, "key_challenge.purpose is varchar(64)");
  }
}
