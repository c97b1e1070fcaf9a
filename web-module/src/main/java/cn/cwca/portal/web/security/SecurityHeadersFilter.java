package cn.cwca.portal.web.security;

import cn.cwca.portal.web.PublicOrigin;
import cn.cwca.portal.web.downloads.DownloadsServlet;
import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Adds the browser-side protections to every response: no MIME sniffing, no framing (clickjacking),
 * no referrer to other sites, a content security policy, no powerful browser features, and no
 * caching of pages (they show personal data). Faces resources (scripts, styles, fonts) stay
 * cacheable.
 *
 * <p>The policy is {@link ContentSecurityPolicy}: no inline script but those with the page's nonce,
 * no evaluated script. Error pages are rendered in an error dispatch, which passes through this
 * filter too so that their nonce reaches the policy.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The headers set on every response. */
  static final Map<String, String> HEADERS =
      Map.of(
          "X-Content-Type-Options",
          "nosniff",
          "X-Frame-Options",
          "DENY",
          "Referrer-Policy",
          "same-origin",
          ContentSecurityPolicy.HEADER,
          ContentSecurityPolicy.withoutNonce(),
          "Permissions-Policy",
          "camera=(), microphone=(), geolocation=(), payment=(), usb=()");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HEADERS.forEach(response::setHeader);
    if (request.isSecure() || PublicOrigin.isConfiguredHttps()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    HttpServletResponse nonceAware = new ContentSecurityPolicy.NonceAwareResponse(response);
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      chain.doFilter(request, nonceAware);
      return;
    }
    if ("POST".equalsIgnoreCase(request.getMethod())
        && request.getHeader("Origin") != null
        && isForeignPost(request.getMethod(), request.getHeader("Origin"), ownOrigin(request))) {
      // Cross-site request forgery: the public forms (login) are stateless views, which Faces does
      // not tie to a session, so a form posted from another site is refused here.
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!isFacesResource(request.getServletPath())) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, nonceAware);
  }

  /**
   * The origin the portal's own pages post from: the configured public origin; without one (no
   * proxy, or one that keeps the Host header) only the host is known for sure, as a TLS terminator
   * changes the scheme and the port, so any scheme and port of the request's host count as own.
   */
  private static String ownOrigin(HttpServletRequest request) {
    String configured = System.getProperty(DownloadsServlet.PUBLIC_ORIGIN);
    if (configured != null && !configured.isBlank()) {
      return PublicOrigin.normalise(configured);
    }
    return ANY_SCHEME_AND_PORT_OF + request.getServerName().toLowerCase(java.util.Locale.ROOT);
  }

  /** Marks an own origin known by its host only (see {@link #ownOrigin}). */
  static final String ANY_SCHEME_AND_PORT_OF = "host:";

  /**
   * Whether a request is a POST that a page of another origin sent: browsers name the page's origin
   * in the {@code Origin} header of every POST (and {@code null} for an opaque one).
   * Server-to-server calls (payment notifications) send none.
   */
  static boolean isForeignPost(String method, String originHeader, String ownOrigin) {
    if (!"POST".equalsIgnoreCase(method) || originHeader == null) {
      return false;
    }
    try {
      String origin = PublicOrigin.normalise(originHeader);
      if (ownOrigin.startsWith(ANY_SCHEME_AND_PORT_OF)) {
        String host = java.net.URI.create(origin).getHost();
        return !(ANY_SCHEME_AND_PORT_OF + host).equals(ownOrigin);
      }
      return !origin.equals(ownOrigin);
    } catch (IllegalArgumentException notAnOrigin) {
      return true;
    }
  }

  /**
   * Whether the servlet path is a Faces resource (PrimeFaces scripts, themes, fonts, the portal's
   * CSS).
   */
  static boolean isFacesResource(String servletPath) {
    return servletPath != null && servletPath.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/");
  }
}
