package cn.cwca.portal.web.ca;

import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.common.BusinessException;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * What relying parties fetch from the CA, at the URLs written into every certificate: the CRL (RFC
 * 5280 CRL distribution point), the issuing CA certificate (AIA caIssuers) and the OCSP responder
 * (RFC 6960, POST and the GET form of its appendix A). Public, without a session.
 */
@WebServlet(urlPatterns = "/ca/*")
public class CaPublicationServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** An OCSP request for a handful of certificates is a few hundred bytes. */
  private static final int MAX_OCSP_REQUEST = 64 * 1024;

  @EJB private CertificateService certificates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (path) {
      case "/issuing-ca.crl" ->
          send(response, "application/pkix-crl", certificates.currentCrl(), 300);
      case "/issuing-ca.cer" ->
          send(response, "application/pkix-cert", certificates.caCertificates().get(0), 3600);
      default -> {
        if (path.startsWith("/ocsp/")) {
          byte[] ocspRequest;
          try {
            ocspRequest = Base64.getDecoder().decode(path.substring("/ocsp/".length()));
          } catch (IllegalArgumentException notBase64) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
          }
          answerOcsp(ocspRequest, response);
        } else {
          response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
      }
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"/ocsp".equals(request.getPathInfo())
        || !"application/ocsp-request".equalsIgnoreCase(request.getContentType())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_OCSP_REQUEST + 1);
    }
    if (body.length > MAX_OCSP_REQUEST) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    answerOcsp(body, response);
  }

  private void answerOcsp(byte[] ocspRequest, HttpServletResponse response) throws IOException {
    try {
      send(response, "application/ocsp-response", certificates.answerOcsp(ocspRequest), 0);
    } catch (BusinessException malformed) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
  }

  private static void send(HttpServletResponse response, String type, byte[] body, int maxAge)
      throws IOException {
    response.setContentType(type);
    response.setContentLength(body.length);
    response.setHeader("Cache-Control", maxAge > 0 ? "public, max-age=" + maxAge : "no-cache");
    response.getOutputStream().write(body);
  }
}
