package cn.cwca.portal.it.application;

/**
 * Certificates "read from a USB key" for the 更新 and 变更 tests: self-signed certificates made once
 * with keytool for the test caller ({@code SERIALNUMBER=370102198001017778}, which is {@code
 * TestCallerMechanism.LOGIN_NAME}, {@code CN=原姓名}, a name the caller's account never has), so they
 * stay usable whatever the date: one long expired, one valid until 2049.
 */
final class KeyCertificates {

  /** Valid 2020-01-01 to 2021-01-01: always inside the renewal window. */
  static final String EXPIRED =
      "MIIBlDCCATmgAwIBAgIIWus8YUVotRAwCgYIKoZIzj0EAwIwPjELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjM3MDEwMjE5ODAwMTAxNzc3ODESMBAGA1UEAwwJ5Y6f5aeT5ZCNMB4XDTIwMDEwMTE1MTkwOFoXDTIxMDEwMTE1MTkwOFowPjELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjM3MDEwMjE5ODAwMTAxNzc3ODESMBAGA1UEAwwJ5Y6f5aeT5ZCNMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvlcs0OKJfKERw4lo4hNd/JJ7VpO7ETkENsxV5yORzyT6V2w00SlPpelK3uDeAgFUmwjNWxV7KqaBWKeDJlIR7qMhMB8wHQYDVR0OBBYEFOClyQW/1EXamifLeHZgKXC9iLuPMAoGCCqGSM49BAMCA0kAMEYCIQD28GCsA0eT+e3gRiUYZakfKfyRlWGmcwpcbpRHNpKfMwIhAKsDbQ4YnHVMvWom7IdYoYyD25LoPRkoXyujUBjX/hsg";

  /** Valid 2025-01-01 to 2049-08-23: too early to renew, fine to change. */
  static final String VALID_UNTIL_2049 =
      "MIIBlDCCATqgAwIBAgIJALOIQHjOdO5dMAoGCCqGSM49BAMCMD4xCzAJBgNVBAYTAkNOMRswGQYDVQQFExIzNzAxMDIxOTgwMDEwMTc3NzgxEjAQBgNVBAMMCeWOn+Wnk+WQjTAeFw0yNTAxMDExNTE5MTBaFw00OTA4MjMxNTE5MTBaMD4xCzAJBgNVBAYTAkNOMRswGQYDVQQFExIzNzAxMDIxOTgwMDEwMTc3NzgxEjAQBgNVBAMMCeWOn+Wnk+WQjTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAc9yF44hNDefdxr+yH2TgSo2SrLSa0MYZfMEHntu3ZrGnh8fvxXoCqsBah5+XXK5f8u5A7/QkyCVjV3D449WlSjITAfMB0GA1UdDgQWBBRQIxL3B5C/44Lw2/evNaar6RtB8zAKBggqhkjOPQQDAgNIADBFAiEAweLlCxcSHeYn/Vycms3z55aI18h9kD0gqU02leFwYCYCIHegGr/5RQz+oryjyKscekTASAOCZ9PHs8n5yrzlVFLQ";

  /** Someone else's ({@code SERIALNUMBER=110101190001010006}), expired. */
  static final String SOMEONE_ELSES =
      "MIIBjTCCATOgAwIBAgIIR9Nnw5n9nPgwCgYIKoZIzj0EAwIwOzELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjExMDEwMTE5MDAwMTAxMDAwNjEPMA0GA1UEAwwG5Yir5Lq6MB4XDTIwMDEwMTE1MTkxMloXDTIxMDEwMTE1MTkxMlowOzELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjExMDEwMTE5MDAwMTAxMDAwNjEPMA0GA1UEAwwG5Yir5Lq6MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAET0EtkqP2h+e8Gp8Xr9FaWNGOVkq7EU6YH5GP1uZSxJdgvGMwBMkLEDL/DYUFu/DzSlWdQlax5E9uFmVXDJRpnaMhMB8wHQYDVR0OBBYEFA6NSMmaz50FSihv/rQDxx5mqKaSMAoGCCqGSM49BAMCA0gAMEUCIBpT3p/R9dBwe40UPnHDGASDUoKnray/pKUV4Mte/IN9AiEA0OSZyzbSP0nmTWLOAmmrcwdEb5yynzWTLdBzFeAtx3s=";

  /** The CN of the caller's certificates above. */
  static final String SUBJECT_NAME = "原姓名";

  private KeyCertificates() {}
}
