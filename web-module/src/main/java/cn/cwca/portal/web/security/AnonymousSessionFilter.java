package cn.cwca.portal.web.security;

import cn.cwca.portal.common.ClientInfo;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;

/**
 * Hands every session that a request of a caller who is not logged in created to {@link
 * AnonymousSessions}, takes it back as soon as its caller is logged in, and tells it when a session
 * ends or changes its id.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
@WebListener
public class AnonymousSessionFilter extends HttpFilter
    implements HttpSessionListener, HttpSessionIdListener {

  private static final long serialVersionUID = 1L;

  @Inject private transient AnonymousSessions sessions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      HttpSession session = request.getSession(false);
      try {
        if (session != null && request.getRemoteUser() != null) {
          sessions.loggedIn(session, request.getServletContext().getSessionTimeout() * 60);
        } else if (session != null && session.isNew()) {
          sessions.created(session, new ClientInfo(ClientAddresses.of(request)).throttlingKey());
        }
      } catch (IllegalStateException invalidatedMeanwhile) {
        // the request itself ended the session (logout)
      }
    }
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.forget(event.getSession().getId());
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    sessions.idChanged(oldSessionId, event.getSession().getId());
  }
}
