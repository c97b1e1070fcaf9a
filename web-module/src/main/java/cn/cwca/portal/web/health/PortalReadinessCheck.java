package cn.cwca.portal.web.health;

import cn.cwca.portal.health.ReadinessService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP only when the database answers, the schema is at the expected version
 * and the CA can sign ({@link ReadinessService}). A load balancer sends traffic, and the run
 * command says "is running", only then.
 */
@Readiness
@ApplicationScoped
public class PortalReadinessCheck implements HealthCheck {

  /** The name of this check in the health endpoint's answer. */
  public static final String NAME = "ca-portal";

  @EJB private ReadinessService readiness;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
    try {
      for (ReadinessService.Check check : readiness.checks()) {
        response.withData(check.name(), (check.up() ? "UP: " : "DOWN: ") + check.detail());
        if (!check.up()) {
          response.down();
        }
      }
    } catch (RuntimeException e) {
      // The application's EJBs are not there (being undeployed, or failed to start).
      response.down().withData("application", "not available: " + e.getClass().getSimpleName());
    }
    return response.build();
  }
}
