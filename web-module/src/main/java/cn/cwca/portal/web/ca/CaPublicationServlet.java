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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What relying parties fetch from the CA, at the URLs written into every certificate: the CRL of
 * its issuing CA (RFC 5280 CRL distribution point, {@code /crl/<key id>.crl}), that CA's
 * certificate (AIA caIssuers, {@code /issuer/<key id>.cer}) and the OCSP responder (RFC 6960, POST
 * and the GET form of its appendix A). {@code /issuing-ca.crl} and {@code /issuing-ca.cer}, which
 * certificates from before per-issuer URLs name, serve their issuing CA's. Public, without a
 * session.
 */
@WebServlet(urlPatterns = "/ca/*")
public class CaPublicationServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The CRL of one issuing CA, by its key id (lower-case hex). */
  private static final Pattern CRL = Pattern.compile("/crl/([0-9a-f]{2,128})\\.crl");

  /** The certificate of one issuing CA, by its key id. */
  private static final Pattern ISSUER = Pattern.compile("/issuer/([0-9a-f]{2,128})\\.cer");

  /** An OCSP request for a handful of certificates is a few hundred bytes. */
  private static final int MAX_OCSP_REQUEST = 64 * 1024;

  @EJB private CertificateService certificates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (path) {
      case "/issuing-ca.crl" ->
          send(response, "application/pkix-crl", certificates.legacyCrl(), 300);
      case "/issuing-ca.cer" ->
          send(response, "application/pkix-cert", certificates.legacyIssuerCertificate(), 3600);
      default -> {
        Matcher crl = CRL.matcher(path);
        Matcher issuer = ISSUER.matcher(path);
        if (crl.matches()) {
          sendOrNotFound(response, "application/pkix-crl", certificates.crl(crl.group(1)), 300);
        } else if (issuer.matches()) {
          sendOrNotFound(
              response,
              "application/pkix-cert",
              certificates.issuerCertificate(issuer.group(1)),
              3600);
        } else if (path.startsWith("/ocsp/")) {
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

  private static void sendOrNotFound(
      HttpServletResponse response, String type, Optional<byte[]> body, int maxAge)
      throws IOException {
    if (body.isPresent()) {
      send(response, type, body.get(), maxAge);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
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
