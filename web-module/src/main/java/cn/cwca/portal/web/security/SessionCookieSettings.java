package cn.cwca.portal.web.security;

import cn.cwca.portal.web.PublicOrigin;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Marks the session cookie {@code Secure} when the configured public origin is https, so that a
 * browser never sends it over plain http, also when TLS ends at a reverse proxy and Payara sees
 * plain http (where the container would not mark it by itself). Read when the application starts.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(SessionCookieSettings.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (PublicOrigin.isConfiguredHttps()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
      LOG.info("The public origin is https: the session cookie is marked Secure");
    }
  }
}
