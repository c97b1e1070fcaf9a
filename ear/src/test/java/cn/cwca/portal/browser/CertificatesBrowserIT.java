package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.cwca.portal.devserver.IntegrationServer;
import cn.cwca.portal.it.RegistryRow;
import cn.cwca.portal.it.TestIdentities;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 我的证书: an applicant sees the certificates the CA issued to them with their status, downloads one,
 * and cannot download someone else's.
 */
class CertificatesBrowserIT {

  private Browser applicant;

  @BeforeEach
  void openBrowser() throws Exception {
    applicant = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    applicant.close();
  }

  @Test
  void applicantSeesTheirCertificatesWithStatusAndDownloadsOnlyTheirOwn() throws Exception {
    String id = TestIdentities.residentId();
    PortalSteps.registerPerson(
        applicant, "周证书", TestIdentities.mobile(), id, TestIdentities.PASSWORD);
    PortalSteps.login(applicant, id, TestIdentities.PASSWORD);
    applicant.waitForUrl("/applicant/home.xhtml");
    String valid = registryRow(id, null);
    String revoked = registryRow(id, "KEY_COMPROMISE");
    String someoneElses = registryRow(TestIdentities.residentId(), null);

    applicant.click("menuCertificates");
    applicant.waitForUrl("/applicant/certificates.xhtml");

    applicant.waitForText("certificates", valid.toUpperCase(Locale.ROOT));
    applicant.waitForText("certificates", revoked.toUpperCase(Locale.ROOT));
    applicant.waitForText("certificates", "已吊销（密钥泄露或KEY丢失）");
    applicant.waitForText("certificates", "有效，剩余");
    assertFalse(
        applicant.text("certificates").contains(someoneElses.toUpperCase(Locale.ROOT)),
        "someone else's certificate is not listed");
    Browser.Fetched download =
        applicant.fetch(Browser.PORTAL + "/applicant/certificate?serial=" + valid);
    assertEquals(200, download.status(), "the owner's certificate");
    assertEquals("application/pkix-cert", download.contentType());
    assertEquals(
        404,
        applicant.fetch(Browser.PORTAL + "/applicant/certificate?serial=" + someoneElses).status(),
        "someone else's certificate is not found");
  }

  /** A certificate of the owner in the registry (revoked with the reason, when given). */
  private static String registryRow(String owner, String revocationReason) throws SQLException {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    try (Connection c = IntegrationServer.testDatabase()) {
      return new RegistryRow(
              owner,
              "serialNumber=" + owner + ",CN=周证书,C=CN",
              now.minusDays(2),
              now.plusYears(2),
              revocationReason,
              new byte[] {0x30, 0x00})
          .insertInto(c);
    }
  }
}
