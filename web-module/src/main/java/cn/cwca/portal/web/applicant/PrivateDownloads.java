package cn.cwca.portal.web.applicant;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes what belongs to the signed-in user (a document, a form, a certificate): its type, length
 * and disposition, never kept by a shared cache or the browser ({@code private, no-store}).
 */
final class PrivateDownloads {

  private PrivateDownloads() {}

  static void send(
      HttpServletResponse response, String contentType, String disposition, byte[] bytes)
      throws IOException {
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.setHeader("Content-Disposition", disposition);
    response.setHeader("Cache-Control", "private, no-store");
    response.getOutputStream().write(bytes);
  }
}
