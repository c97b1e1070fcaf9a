package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.web.PrivateDownloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves an uploaded document of the caller's application for 点击预览 (images inline, PDFs in the
 * browser's viewer) and download: {@code /applicant/document?id=<申请ID>&type=<DocumentType>}, with
 * {@code &download=1} as an attachment. Under /applicant/*, so web.xml admits applicants only; the
 * service returns nothing for another applicant's 申请ID, which gives 404 as an unknown one does.
 */
@WebServlet(urlPatterns = DocumentServlet.PATH)
public class DocumentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/applicant/document";

  @EJB private ApplicationDocumentService documents;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentType> type = documentType(request.getParameter("type"));
    String id = request.getParameter("id");
    Optional<DocumentContent> content =
        id == null || type.isEmpty() ? Optional.empty() : documents.read(id, type.get());
    if (content.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DocumentContent document = content.get();
    // The preview dialog of the wizard shows the document in a frame of the portal's own page.
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; style-src 'self' 'unsafe-inline';" + " frame-ancestors 'self'");
    PrivateDownloads.send(
        response,
        document.contentType(),
        PrivateDownloads.disposition(
            "1".equals(request.getParameter("download")), document.fileName()),
        document.bytes());
  }

  static Optional<DocumentType> documentType(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DocumentType.valueOf(name));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
