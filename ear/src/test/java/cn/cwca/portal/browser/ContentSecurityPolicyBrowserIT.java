package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.it.TestIdentities;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every page of the portal under its Content Security Policy, in Chromium: the policy allows no
 * inline script without the page's nonce and no evaluated string, PrimeFaces starts on each page
 * with that nonce, and Chromium reports nothing refused ({@link Browser#close} fails on any
 * refusal, so the journeys of the other browser tests check the same on the pages they click
 * through).
 */
class ContentSecurityPolicyBrowserIT {

  private static final Pattern SCRIPT_SRC = Pattern.compile("script-src ([^;]*)");

  private static final List<String> PUBLIC_PAGES =
      List.of("/login.xhtml", "/register.xhtml", "/forgot-password.xhtml", "/downloads.xhtml");

  private static final List<String> APPLICANT_PAGES =
      List.of(
          "/applicant/home.xhtml",
          "/applicant/apply.xhtml",
          "/applicant/progress.xhtml",
          "/applicant/certificates.xhtml",
          "/applicant/key.xhtml",
          "/applicant/profile.xhtml");

  private static final List<String> ADMIN_PAGES =
      List.of(
          "/admin/index.xhtml",
          "/admin/notices.xhtml",
          "/admin/sms-outbox.xhtml",
          "/admin/reports.xhtml",
          "/admin/audit.xhtml",
          "/admin/staff.xhtml",
          "/admin/key-login.xhtml",
          "/admin/change-password.xhtml",
          "/admin/applicants.xhtml",
          "/admin/catalogue-prices.xhtml",
          "/admin/catalogue-points.xhtml",
          "/admin/catalogue-pickup.xhtml",
          "/admin/catalogue-documents.xhtml",
          "/admin/catalogue-templates.xhtml",
          "/admin/catalogue-texts.xhtml");

  @Test
  void publicPagesRunTheirScriptsUnderAPolicyWithoutUnsafeSources() throws Exception {
    try (Browser b = new Browser()) {
      for (String page : PUBLIC_PAGES) {
        checkPage(b, page);
      }
      b.open("/no-such-page.xhtml");
      b.waitForPageText("页面不存在");
      assertEquals(List.of(), b.cspViolations(), "the 404 page");
    }
  }

  @Test
  void aScriptWithoutThePagesNonceIsRefusedAndReported() throws Exception {
    try (Browser b = new Browser()) {
      b.open("/login.xhtml");
      b.js(
          "var s = document.createElement('script');"
              + " s.textContent = 'window.injected = true;'; document.head.appendChild(s);");
      assertEquals(Boolean.FALSE, b.js("return window.injected === true;"), "the script ran");
      List<String> refused = b.takeCspViolations();
      assertEquals(1, refused.size(), refused.toString());
      assertTrue(refused.get(0).contains("script-src"), refused.get(0));
    }
  }

  @Test
  void applicantPagesRunTheirScriptsUnderThePolicy() throws Exception {
    try (Browser b = new Browser()) {
      String id = TestIdentities.residentId();
      PortalSteps.registerPerson(b, "严策略", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
      PortalSteps.login(b, id, TestIdentities.PASSWORD);
      b.waitForUrl("/applicant/home.xhtml");
      for (String page : APPLICANT_PAGES) {
        checkPage(b, page);
      }
      // A page's ajax (the wizard's 服务类型) runs the scripts of its answer with the same nonce.
      b.open("/applicant/apply.xhtml");
      b.clickCss("#serviceType label[for='serviceType:0']");
      b.waitForText("typeScenario", "首次申请西部CA锁");
      assertEquals(List.of(), b.cspViolations(), "the wizard after an ajax update");
    }
  }

  @Test
  void staffPagesRunTheirScriptsUnderThePolicy() throws Exception {
    String suffix = TestIdentities.mobile().substring(5);
    try (Browser b = new Browser()) {
      PortalSteps.loginAsAdmin(b);
      for (String page : ADMIN_PAGES) {
        checkPage(b, page);
      }
    }
    staff("REVIEWER", "csp-r" + suffix, List.of("/review/queue.xhtml"));
    staff(
        "FINANCE",
        "csp-f" + suffix,
        List.of("/finance/invoices.xhtml", "/finance/payments.xhtml", "/admin/reports.xhtml"));
    staff(
        "OPERATOR",
        "csp-o" + suffix,
        List.of("/operator/make.xhtml", "/operator/shipping.xhtml", "/operator/counter.xhtml"));
  }

  private static void staff(String role, String login, List<String> pages) throws Exception {
    PortalSteps.createStaff(login, TestIdentities.PASSWORD, role);
    try (Browser b = new Browser()) {
      PortalSteps.login(b, login, TestIdentities.PASSWORD);
      b.waitForUrl("/admin/index.xhtml");
      for (String page : pages) {
        checkPage(b, page);
      }
    }
  }

  /**
   * Opens the page and checks its policy, that its PrimeFaces widgets started and that Chromium
   * refused nothing on it.
   */
  private static void checkPage(Browser b, String page) {
    b.open(page);
    assertTrue(b.currentUrl().contains(page), page + " opened, not " + b.currentUrl());
    String policy = b.fetch(b.currentUrl()).contentSecurityPolicy();
    Matcher scripts = SCRIPT_SRC.matcher(policy);
    assertTrue(scripts.find(), page + ": " + policy);
    assertTrue(scripts.group(1).matches("'self' 'nonce-[A-Za-z0-9+/=_-]+'"), page + ": " + policy);
    assertFalse(policy.contains("unsafe-eval"), page + ": " + policy);
    Object started = b.js("return !!window.PrimeFaces && !!PrimeFaces.csp.NONCE_VALUE;");
    assertEquals(Boolean.TRUE, started, page + ": PrimeFaces started with the page's nonce");
    assertEquals(List.of(), b.cspViolations(), page);
  }
}
