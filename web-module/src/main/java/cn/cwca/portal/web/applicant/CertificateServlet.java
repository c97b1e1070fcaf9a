package cn.cwca.portal.web.applicant;

import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.web.PrivateDownloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads one of the caller's certificates (我的证书 下载): {@code
 * /applicant/certificate?serial=<hex>}, DER as {@code application/pkix-cert} (RFC 2585), which
 * Windows and browsers open as a certificate. Under /applicant/*, so web.xml admits signed-in users
 * only; another owner's serial gives 404, as an unknown one does.
 */
@WebServlet(urlPatterns = CertificateServlet.PATH)
public class CertificateServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/applicant/certificate";

  @EJB private CertificateService certificates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String serial = request.getParameter("serial");
    Optional<byte[]> der = certificates.ownCertificateDer(serial);
    if (der.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    PrivateDownloads.send(
        response,
        "application/pkix-cert",
        "attachment; filename=\"" + serial.strip().toUpperCase(Locale.ROOT) + ".cer\"",
        der.get());
  }
}
