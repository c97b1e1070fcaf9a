package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.keyagent.config.AllowedOrigins;
import cn.cwca.keyagent.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal writes its origin into the key agent's allow-list, and the agent compares the pages'
 * Origin headers with it: both must bring an origin into the same form.
 */
class OriginNormalisationParityTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ca.example.cn",
        "HTTPS://CA.Example.CN/",
        " https://ca.example.cn:443 ",
        "http://ca.example.cn:80",
        "https://ca.example.cn:8443",
        "http://localhost:8080",
        "http://127.0.0.1:8080/",
        "http://[::1]:8080"
      })
  void thePortalAndTheAgentNormaliseAnOriginAlike(String origin) {
    assertEquals(AllowedOrigins.normalise(origin), PublicOrigin.normalise(origin));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ca.example.cn",
        "ftp://ca.example.cn",
        "https://ca.example.cn/portal",
        "https://user@ca.example.cn",
        "https://ca.example.cn?x=1",
        "*",
        "null"
      })
  void thePortalAndTheAgentRefuseTheSameValues(String notAnOrigin) {
    assertThrows(IllegalArgumentException.class, () -> PublicOrigin.normalise(notAnOrigin));
    assertThrows(ConfigException.class, () -> AllowedOrigins.normalise(notAnOrigin));
  }
}
