package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  @Test
  void aPageWithANonceAllowsItsOwnInlineScriptsOnly() {
    String policy = ContentSecurityPolicy.withNonce("MjAyNi0xMi0wNw==");
    assertTrue(policy.contains("script-src 'self' 'nonce-MjAyNi0xMi0wNw==';"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("object-src 'none'"), policy);
  }

  @Test
  void theNonceIsTakenFromThePolicyPrimeFacesWrites() {
    assertEquals(
        Optional.of("ZmQ3YjI1ZGQtNWFjMC00"),
        ContentSecurityPolicy.nonceOf("script-src 'self' 'nonce-ZmQ3YjI1ZGQtNWFjMC00';"));
    assertEquals(Optional.empty(), ContentSecurityPolicy.nonceOf("sandbox"));
    assertEquals(Optional.empty(), ContentSecurityPolicy.nonceOf(null));
  }

  @Test
  void aNonceCannotSmuggleAnotherDirective() {
    assertThrows(
        IllegalArgumentException.class, () -> ContentSecurityPolicy.withNonce("x'; script-src *"));
  }
}
