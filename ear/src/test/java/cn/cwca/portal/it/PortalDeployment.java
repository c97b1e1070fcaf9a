package cn.cwca.portal.it;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive Arquillian deploys: the real EAR the build produced, under another name than the
 * application the browser tests use, plus a test WAR holding the test classes that run inside the
 * server.
 */
public final class PortalDeployment {

  private static final String BEANS_XML =
      "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
          + " bean-discovery-mode=\"all\"/>";

  private PortalDeployment() {}

  /**
   * The EAR without the portal's own WAR, plus the test WAR. Its callers are anonymous unless the
   * test classes bring {@link TestCallerMechanism}. The portal's WAR stays out: Jakarta Security
   * registers its authentication mechanism for every web module of the application, and in the test
   * WAR that mechanism's bean cannot be found, so every request would fail.
   */
  public static EnterpriseArchive servicesWithTests(Class<?>... testClasses) {
    return build(List.of(), war -> {}, testClasses);
  }

  /** Like {@link #servicesWithTests}, with the jars these classes come from in the test WAR. */
  public static EnterpriseArchive servicesWithTestsAndLibraries(
      List<Class<?>> libraries, Class<?>... testClasses) {
    return build(libraries, war -> {}, testClasses);
  }

  /** Like {@link #servicesWithTestsAndLibraries}, with more content added to the test WAR. */
  public static EnterpriseArchive servicesWithTestsAndLibraries(
      List<Class<?>> libraries, Consumer<WebArchive> more, Class<?>... testClasses) {
    return build(libraries, more, testClasses);
  }

  private static EnterpriseArchive build(
      List<Class<?>> libraries, Consumer<WebArchive> more, Class<?>... testClasses) {
    EnterpriseArchive ear =
        ShrinkWrap.create(ZipImporter.class, "ca-portal-it.ear")
            .importFrom(new File(System.getProperty("portal.ear")))
            .as(EnterpriseArchive.class);
    ear.delete("META-INF/application.xml");
    ear.delete("ca-portal-web.war");
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, "portal-tests.war")
            .addClasses(testClasses)
            .addClasses(PortalDeployment.class, TestIdentities.class, TestSms.class)
            .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    for (Class<?> type : libraries) {
      tests.addAsLibrary(jarOf(type));
    }
    more.accept(tests);
    ear.addAsModule(Testable.archiveToTest(tests));
    return ear;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
