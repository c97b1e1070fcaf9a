package cn.cwca.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

  @Test
  void letsFacesResourcesBeCached() {
    assertTrue(SecurityHeadersFilter.isFacesResource("/jakarta.faces.resource/core.js.xhtml"));
  }

  @Test
  void treatsPagesAsNotCacheable() {
    assertFalse(SecurityHeadersFilter.isFacesResource("/applicant/home.xhtml"));
    assertFalse(SecurityHeadersFilter.isFacesResource("/"));
    assertFalse(SecurityHeadersFilter.isFacesResource(null));
  }

  @Test
  void forbidsFramingAndForeignScripts() {
    assertEquals("DENY", SecurityHeadersFilter.HEADERS.get("X-Frame-Options"));
    assertTrue(
        SecurityHeadersFilter.HEADERS
            .get("Content-Security-Policy")
            .contains("frame-ancestors 'none'"));
    assertTrue(
        SecurityHeadersFilter.HEADERS
            .get("Content-Security-Policy")
            .startsWith("default-src 'self'"));
  }

  @Test
  void letsPagesCallTheKeyAgentOnLoopbackOnly() {
    assertTrue(
        SecurityHeadersFilter.HEADERS
            .get("Content-Security-Policy")
            .contains("connect-src 'self' http://127.0.0.1:*;"));
  }
}
