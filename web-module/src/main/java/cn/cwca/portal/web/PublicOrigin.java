package cn.cwca.portal.web;

import cn.cwca.portal.web.downloads.AgentDownload;
import cn.cwca.portal.web.downloads.DownloadsServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's public base URL, as the outside world reaches it: the configured origin (system
 * property {@value DownloadsServlet#PUBLIC_ORIGIN}, needed behind a reverse proxy or a TLS
 * terminator) or the request's own, and the context path. Payment providers send their
 * notifications under it.
 */
public final class PublicOrigin {

  private PublicOrigin() {}

  /** {@code scheme://host[:port]/context/}, ending in a slash. */
  public static String baseUrl(HttpServletRequest request) {
    return AgentDownload.origin(
            System.getProperty(DownloadsServlet.PUBLIC_ORIGIN),
            request.getScheme(),
            request.getServerName(),
            request.getServerPort())
        + request.getContextPath()
        + "/";
  }
}
