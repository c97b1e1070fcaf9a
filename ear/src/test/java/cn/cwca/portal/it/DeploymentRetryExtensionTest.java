package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeploymentRetryExtensionTest {

  @Test
  void retriesOnlyTheStaleClassLoaderFailure() {
    RuntimeException stale =
        new RuntimeException(
            new IllegalStateException(
                "Error occurred during deployment: Exception while deploying the app [ca-portal-it]"
                    + " : java.lang.ClassNotFoundException:"
                    + " org/glassfish/security/common/PrincipalImpl"));
    assertTrue(DeploymentRetryExtension.Retry.isStaleClassLoader(stale));
    assertFalse(
        DeploymentRetryExtension.Retry.isStaleClassLoader(
            new RuntimeException("CDI deployment failure: unsatisfied dependencies")));
  }
}
