package cn.cwca.portal.web.downloads;

import cn.cwca.portal.document.forms.OperationManual;
import cn.cwca.portal.web.PublicOrigin;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files of 控件下载 (/downloads.xhtml), public like the page:
 *
 * <ul>
 *   <li>{@value #KEY_AGENT}: the KEY控件, the key agent's zip (bundled by the build as {@value
 *       #AGENT_ZIP}) with {@code ca-key-agent/agent.properties} added, which allows this portal's
 *       origin: the system property {@value #PUBLIC_ORIGIN} (e.g. {@code
 *       -Dportal.publicOrigin=https://ca.example.cn}, required behind a reverse proxy or TLS
 *       terminator, where the request does not show the address users type), else the request's
 *       scheme://host:port;
 *   <li>{@value #MANUAL}: 操作文档, the applicants' operation manual of this system ({@link
 *       OperationManual}), as {@code 操作文档.pdf}.
 * </ul>
 */
@WebServlet(urlPatterns = {DownloadsServlet.KEY_AGENT, DownloadsServlet.MANUAL})
public class DownloadsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The system property naming the portal's public origin, {@code scheme://host[:port]}. */
  public static final String PUBLIC_ORIGIN = "portal.publicOrigin";

  static final String KEY_AGENT = "/downloads/ca-key-agent.zip";
  static final String MANUAL = "/downloads/operation-manual.pdf";

  /** Where the build puts the agent's zip (web-module/pom.xml, maven-dependency-plugin). */
  static final String AGENT_ZIP = "/WEB-INF/downloads/ca-key-agent.zip";

  static final String MANUAL_FILE_NAME = "操作文档.pdf";

  private static final Logger LOG = Logger.getLogger(DownloadsServlet.class.getName());

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (request.getServletPath()) {
      case KEY_AGENT -> sendAgent(request, response);
      case MANUAL -> sendManual(response);
      default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void sendAgent(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String origin;
    try {
      origin =
          PublicOrigin.origin(
              System.getProperty(PUBLIC_ORIGIN),
              request.getScheme(),
              request.getServerName(),
              request.getServerPort());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "The system property " + PUBLIC_ORIGIN + " is not an origin", e);
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    }
    try (InputStream zip = getServletContext().getResourceAsStream(AGENT_ZIP)) {
      if (zip == null) {
        LOG.severe(() -> AGENT_ZIP + " is missing from the WAR: build it with Maven (key-agent)");
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType("application/zip");
      response.setHeader("Content-Disposition", attachment("ca-key-agent.zip", "ca-key-agent.zip"));
      AgentDownload.writeWithOrigin(zip, response.getOutputStream(), origin);
    }
  }

  private static void sendManual(HttpServletResponse response) throws IOException {
    byte[] manual = OperationManual.pdf();
    response.setContentType("application/pdf");
    response.setContentLength(manual.length);
    response.setHeader("Content-Disposition", attachment("operation-manual.pdf", MANUAL_FILE_NAME));
    response.getOutputStream().write(manual);
  }

  /**
   * {@code Content-Disposition: attachment} with an ASCII {@code filename} for old clients and the
   * real name as RFC 5987 {@code filename*} (RFC 6266 section 4.3), which browsers prefer.
   */
  static String attachment(String asciiName, String name) {
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(name);
  }

  /** The value as RFC 5987 {@code value-chars}: attr-chars as they are, other bytes %-encoded. */
  static String rfc5987(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
