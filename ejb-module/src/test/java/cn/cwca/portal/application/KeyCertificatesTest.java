package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.common.BusinessException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class KeyCertificatesTest {

  /**
   * Self-signed test certificate made with keytool: CN=原姓名, SERIALNUMBER=370102198001017778, C=CN,
   * valid 2020-01-01 15:19:08 to 2021-01-01 15:19:08 UTC, serial 5aeb3c614568b510.
   */
  static final String EXPIRED =
      "MIIBlDCCATmgAwIBAgIIWus8YUVotRAwCgYIKoZIzj0EAwIwPjELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjM3MDEwMjE5ODAwMTAxNzc3ODESMBAGA1UEAwwJ5Y6f5aeT5ZCNMB4XDTIwMDEwMTE1MTkwOFoXDTIxMDEwMTE1MTkwOFowPjELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjM3MDEwMjE5ODAwMTAxNzc3ODESMBAGA1UEAwwJ5Y6f5aeT5ZCNMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvlcs0OKJfKERw4lo4hNd/JJ7VpO7ETkENsxV5yORzyT6V2w00SlPpelK3uDeAgFUmwjNWxV7KqaBWKeDJlIR7qMhMB8wHQYDVR0OBBYEFOClyQW/1EXamifLeHZgKXC9iLuPMAoGCCqGSM49BAMCA0kAMEYCIQD28GCsA0eT+e3gRiUYZakfKfyRlWGmcwpcbpRHNpKfMwIhAKsDbQ4YnHVMvWom7IdYoYyD25LoPRkoXyujUBjX/hsg";

  /** The same subject, valid 2025-01-01 15:19:10 to 2049-08-23 15:19:10 UTC. */
  static final String LONG_VALID =
      "MIIBlDCCATqgAwIBAgIJALOIQHjOdO5dMAoGCCqGSM49BAMCMD4xCzAJBgNVBAYTAkNOMRswGQYDVQQFExIzNzAxMDIxOTgwMDEwMTc3NzgxEjAQBgNVBAMMCeWOn+Wnk+WQjTAeFw0yNTAxMDExNTE5MTBaFw00OTA4MjMxNTE5MTBaMD4xCzAJBgNVBAYTAkNOMRswGQYDVQQFExIzNzAxMDIxOTgwMDEwMTc3NzgxEjAQBgNVBAMMCeWOn+Wnk+WQjTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAc9yF44hNDefdxr+yH2TgSo2SrLSa0MYZfMEHntu3ZrGnh8fvxXoCqsBah5+XXK5f8u5A7/QkyCVjV3D449WlSjITAfMB0GA1UdDgQWBBRQIxL3B5C/44Lw2/evNaar6RtB8zAKBggqhkjOPQQDAgNIADBFAiEAweLlCxcSHeYn/Vycms3z55aI18h9kD0gqU02leFwYCYCIHegGr/5RQz+oryjyKscekTASAOCZ9PHs8n5yrzlVFLQ";

  @Test
  void readsSerialSubjectAndValidityOfTheKeysCertificate() {
    KeyCertificate c = KeyCertificates.parse(EXPIRED);
    assertEquals("5aeb3c614568b510", c.serialHex());
    assertEquals(LocalDateTime.of(2020, 1, 1, 15, 19, 8), c.notBefore());
    assertEquals(LocalDateTime.of(2021, 1, 1, 15, 19, 8), c.notAfter());
    assertEquals(
        "370102198001017778",
        DistinguishedNames.get(c.subjectDn(), DistinguishedNames.SERIAL_NUMBER).orElseThrow());
    assertEquals(
        "原姓名", DistinguishedNames.get(c.subjectDn(), DistinguishedNames.COMMON_NAME).orElseThrow());
  }

  @Test
  void acceptsBase64WithLineBreaksAndPem() {
    String wrapped = EXPIRED.replaceAll("(.{64})", "$1\r\n");
    assertEquals("5aeb3c614568b510", KeyCertificates.parse(wrapped).serialHex());
    String pem = "-----BEGIN CERTIFICATE-----\n" + wrapped + "\n-----END CERTIFICATE-----\n";
    assertEquals("5aeb3c614568b510", KeyCertificates.parse(pem).serialHex());
  }

  @Test
  void refusesWhatIsNoCertificate() {
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> KeyCertificates.parse("bm90IGEgY2VydGlmaWNhdGU="));
    assertEquals("application.certificateUnreadable", e.messageKey());
    assertThrows(BusinessException.class, () -> KeyCertificates.parse("***"));
  }

  @Test
  void asksForTheCertificateWhenNoneWasRead() {
    BusinessException e = assertThrows(BusinessException.class, () -> KeyCertificates.parse(" "));
    assertEquals("application.certificateRequired", e.messageKey());
  }
}
