package cn.cwca.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the server can run the portal's code at all. It asks nothing of the
 * database or the CA, whose outage is a matter for readiness: a service manager restarts a server
 * that is not live, which would not bring a stopped database back.
 */
@Liveness
@ApplicationScoped
public class PortalLivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(PortalReadinessCheck.NAME).up().build();
  }
}
