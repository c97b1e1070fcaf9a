package cn.cwca.portal.it.application;

import cn.cwca.portal.it.LegacyCa;
import cn.cwca.portal.it.TestKeys;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificates "read from a USB key" for the 更新 and 变更 tests, issued by the server's earlier
 * issuing CA ({@link LegacyCa}, which the CA recognises) to the test caller ({@code
 * SERIALNUMBER=370102198001017778}, which is {@code TestCallerMechanism.LOGIN_NAME}, {@code
 * CN=原姓名}, a name the caller's account never has), with validities that stay usable whatever the
 * date: one long expired, one valid until 2049. Made once per test class loading, in the server,
 * each for a P-256 key of its own whose private key {@link #keyOf} gives, to prove that the key
 * holds it.
 */
final class KeyCertificates {

  private static final String CALLER = "SERIALNUMBER=370102198001017778,CN=原姓名,C=CN";

  /** The private keys of the certificates below, by their base64 DER. */
  private static final Map<String, PrivateKey> KEYS = new ConcurrentHashMap<>();

  /** Valid 2020-01-01 to 2021-01-01: always inside the renewal window. */
  static final String EXPIRED =
      issue(CALLER, Instant.parse("2020-01-01T15:19:08Z"), Instant.parse("2021-01-01T15:19:08Z"));

  /** Valid 2025-01-01 to 2049-08-23: too early to renew, fine to change. */
  static final String VALID_UNTIL_2049 =
      issue(CALLER, Instant.parse("2025-01-01T15:19:10Z"), Instant.parse("2049-08-23T15:19:10Z"));

  /** Someone else's ({@code SERIALNUMBER=110101190001010006}), expired. */
  static final String SOMEONE_ELSES =
      issue(
          "SERIALNUMBER=110101190001010006,CN=别人,C=CN",
          Instant.parse("2020-01-01T15:19:12Z"),
          Instant.parse("2021-01-01T15:19:12Z"));

  /**
   * The caller's, expired, but self-signed: made by no CA the server recognises, though its subject
   * names the caller.
   */
  static final String SELF_SIGNED =
      "MIIBlDCCATmgAwIBAgIIWus8YUVotRAwCgYIKoZIzj0EAwIwPjELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjM3MDEwMjE5ODAwMTAxNzc3ODESMBAGA1UEAwwJ5Y6f5aeT5ZCNMB4XDTIwMDEwMTE1MTkwOFoXDTIxMDEwMTE1MTkwOFowPjELMAkGA1UEBhMCQ04xGzAZBgNVBAUTEjM3MDEwMjE5ODAwMTAxNzc3ODESMBAGA1UEAwwJ5Y6f5aeT5ZCNMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvlcs0OKJfKERw4lo4hNd/JJ7VpO7ETkENsxV5yORzyT6V2w00SlPpelK3uDeAgFUmwjNWxV7KqaBWKeDJlIR7qMhMB8wHQYDVR0OBBYEFOClyQW/1EXamifLeHZgKXC9iLuPMAoGCCqGSM49BAMCA0kAMEYCIQD28GCsA0eT+e3gRiUYZakfKfyRlWGmcwpcbpRHNpKfMwIhAKsDbQ4YnHVMvWom7IdYoYyD25LoPRkoXyujUBjX/hsg";

  /** The CN of the caller's certificates above. */
  static final String SUBJECT_NAME = "原姓名";

  private KeyCertificates() {}

  /** The private key of a certificate above; empty for {@link #SELF_SIGNED}, whose key is gone. */
  static Optional<PrivateKey> keyOf(String certificate) {
    return Optional.ofNullable(certificate).map(KEYS::get);
  }

  private static String issue(String subject, Instant notBefore, Instant notAfter) {
    KeyPair key = TestKeys.p256();
    String certificate = LegacyCa.issue(subject, key.getPublic(), notBefore, notAfter);
    KEYS.put(certificate, key.getPrivate());
    return certificate;
  }
}
