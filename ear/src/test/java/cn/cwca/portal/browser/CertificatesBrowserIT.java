package cn.cwca.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.cwca.portal.devserver.IntegrationServer;
import cn.cwca.portal.it.TestIdentities;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 我的证书: an applicant sees the certificates the CA issued to them with their status, downloads one,
 * and cannot download someone else's.
 */
class CertificatesBrowserIT {

  private static final SecureRandom RANDOM = new SecureRandom();

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

  /** A registry row as the CA writes it on issuance (revoked with the reason, when given). */
  private static String registryRow(String owner, String revocationReason) throws SQLException {
    String serial = new BigInteger(64, RANDOM).setBit(63).toString(16);
    try (Connection c = IntegrationServer.testDatabase();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into issued_certificate (id, version, serial_hex, subject_dn,"
                    + " owner_login_name, profile, key_algorithm, not_before, not_after, status,"
                    + " revoked_at, revocation_reason, der, issued_at) values"
                    + " (nextval('issued_certificate_seq'), 0, ?, ?, ?, 'NATURAL_PERSON',"
                    + " 'EC_P256', now(), now() + interval '2 years', ?, ?, ?, ?, now())")) {
      insert.setString(1, serial);
      insert.setString(2, "serialNumber=" + owner + ",CN=周证书,C=CN");
      insert.setString(3, owner);
      insert.setString(4, revocationReason == null ? "VALID" : "REVOKED");
      insert.setObject(
          5,
          revocationReason == null ? null : java.time.LocalDateTime.now(),
          java.sql.Types.TIMESTAMP);
      insert.setString(6, revocationReason);
      insert.setBytes(7, new byte[] {0x30, 0x00});
      insert.executeUpdate();
    }
    return serial;
  }
}
