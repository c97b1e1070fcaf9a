package cn.cwca.portal.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainApplicationsTest {

  @TempDir Path domain;

  private static final String DOMAIN_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <domain log-root="${com.sun.aas.instanceRoot}/logs" application-root="${com.sun.aas.instanceRoot}/applications" version="10.0">
        <system-applications>
          <application context-root="" name="__admingui" object-type="system-admin" directory-deployed="true"></application>
        </system-applications>
        <applications>
          <application context-root="" location="${com.sun.aas.instanceRootURI}/applications/ca-portal/" name="ca-portal" object-type="user">
            <property name="appLocation" value="${com.sun.aas.instanceRootURI}/applications/__internal/ca-portal/ca-portal.ear"></property>
          </application>
        </applications>
        <servers>
          <server name="server" config-ref="server-config">
            <application-ref ref="__admingui" virtual-servers="__asadmin"></application-ref>
            <application-ref ref="ca-portal" virtual-servers="server"></application-ref>
          </server>
        </servers>
      </domain>
      """;

  @Test
  void aDeploymentLeftByAKilledRunIsRemovedBeforeTheDomainStarts() throws Exception {
    Files.createDirectories(domain.resolve("config"));
    Files.writeString(domain.resolve("config/domain.xml"), DOMAIN_XML.strip());
    Files.createDirectories(domain.resolve("applications/ca-portal/lib"));
    Files.createDirectories(domain.resolve("generated/ejb/ca-portal"));
    DomainApplications applications = new DomainApplications(domain);
    assertEquals(List.of("ca-portal"), applications.userApplications());

    assertEquals(List.of("ca-portal"), applications.forgetUserApplications());

    String xml = Files.readString(domain.resolve("config/domain.xml"));
    assertFalse(xml.contains("\"ca-portal\""), xml);
    assertTrue(xml.contains("__admingui"), "Payara's own applications stay: " + xml);
    assertEquals(List.of(), applications.userApplications());
    assertFalse(Files.exists(domain.resolve("applications/ca-portal")));
    assertFalse(Files.exists(domain.resolve("generated/ejb/ca-portal")));
  }

  @Test
  void aDomainWithoutUserApplicationsIsLeftAsItIs() throws Exception {
    Files.createDirectories(domain.resolve("config"));
    String without = DOMAIN_XML.strip().replaceAll("(?s)<applications>.*</applications>", "");
    Files.writeString(domain.resolve("config/domain.xml"), without);

    assertEquals(List.of(), new DomainApplications(domain).forgetUserApplications());
    assertEquals(without, Files.readString(domain.resolve("config/domain.xml")));
  }
}
