package cn.cwca.portal.it;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys a test archive once more when Payara 6.2025 refused it for a reason of its own: reading
 * the {@code <principal-name>} of glassfish-application.xml, Payara loads the principal class with
 * the admin thread's context class loader, and now and then that thread still holds the closed
 * class loader of an application undeployed before, so the deployment fails with {@code
 * ClassNotFoundException: org/glassfish/security/common/PrincipalImpl}. Any other failure is
 * reported as it is.
 */
public class DeploymentRetryExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Retry.class);
  }

  /** Around the deployment of each test archive. */
  public static class Retry {

    private static final Logger LOG = Logger.getLogger(DeploymentRetryExtension.class.getName());

    public void deploy(@Observes EventContext<DeployDeployment> context) {
      try {
        context.proceed();
      } catch (RuntimeException e) {
        if (!isStaleClassLoader(e)) {
          throw e;
        }
        LOG.warning(
            "Payara refused the deployment with a stale class loader (PrincipalImpl not found);"
                + " deploying once more");
        context.proceed();
      }
    }

    static boolean isStaleClassLoader(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage())
            .contains("org/glassfish/security/common/PrincipalImpl")) {
          return true;
        }
      }
      return false;
    }
  }
}
