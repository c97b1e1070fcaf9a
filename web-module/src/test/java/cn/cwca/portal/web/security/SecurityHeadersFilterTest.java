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

  @Test
  void allowsNeitherInlineNorEvaluatedScripts() {
    String policy = SecurityHeadersFilter.HEADERS.get("Content-Security-Policy");
    assertTrue(policy.contains("script-src 'self';"), policy);
    assertFalse(policy.contains("unsafe-eval"), policy);
    assertFalse(policy.substring(policy.indexOf("script-src")).split(";")[0].contains("unsafe"));
  }

  @Test
  void refusesAFormPostedFromAnotherSite() {
    assertTrue(
        SecurityHeadersFilter.isForeignPost(
            "POST", "https://evil.example", "https://ca.example.cn"));
    assertTrue(SecurityHeadersFilter.isForeignPost("POST", "null", "https://ca.example.cn"));
  }

  @Test
  void acceptsPostsFromThePortalsOwnPagesAndFromServers() {
    assertFalse(
        SecurityHeadersFilter.isForeignPost(
            "POST", "https://CA.example.cn", "https://ca.example.cn"));
    assertFalse(SecurityHeadersFilter.isForeignPost("POST", null, "https://ca.example.cn"));
    assertFalse(
        SecurityHeadersFilter.isForeignPost(
            "GET", "https://evil.example", "https://ca.example.cn"));
  }

  @Test
  void withoutAConfiguredOriginTheHostDecidesAsAProxyMayChangeSchemeAndPort() {
    String ownHost = SecurityHeadersFilter.ANY_SCHEME_AND_PORT_OF + "ca.example.cn";
    assertFalse(SecurityHeadersFilter.isForeignPost("POST", "https://ca.example.cn", ownHost));
    assertTrue(SecurityHeadersFilter.isForeignPost("POST", "https://evil.example", ownHost));
  }
}
