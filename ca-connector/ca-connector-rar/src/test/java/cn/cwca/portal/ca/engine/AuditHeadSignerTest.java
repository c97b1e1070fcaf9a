package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.KeyAlgorithm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain's head, signed by the issuing CA and checked against the very same head. */
class AuditHeadSignerTest {

  @TempDir Path folder;

  @Test
  void aSignedHeadVerifiesForItsSequenceAndHashOnly() throws Exception {
    for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.SM2}) {
      try (CertificateAuthority ca = TestCa.open(folder.resolve(algorithm.name()), algorithm)) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 7);
        byte[] signed = ca.signAuditHead(42, hash, Instant.parse("2026-11-25T08:00:00Z"));

        assertTrue(ca.verifyAuditHead(signed, 42, hash));
        assertFalse(ca.verifyAuditHead(signed, 43, hash), "another sequence number");
        byte[] otherHash = hash.clone();
        otherHash[0] = 8;
        assertFalse(ca.verifyAuditHead(signed, 42, otherHash), "another hash");
        byte[] tampered = signed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertFalse(ca.verifyAuditHead(tampered, 42, hash), "a changed signature");
        assertFalse(ca.verifyAuditHead(new byte[] {1, 2, 3}, 42, hash), "not a signed head");
      }
    }
  }
}
