package cn.cwca.portal.web.review;

import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.web.PrivateDownloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A document of a submitted order for the reviewers: {@code
 * /review/document?id=<申请ID>&type=<DocumentType>} shows an image (JPEG, PNG) inline, for the review
 * page's {@code <img>}; with {@code &download=1}, and always for a PDF, it is an attachment the
 * browser never runs in the portal's origin ({@code Content-Security-Policy: sandbox}, no
 * sniffing). A PDF is looked at as images of its pages ({@link DocumentPageServlet}). Reviewers
 * only (web.xml constrains /review/* too); an unknown order or document gives 404. The file is
 * streamed from the database to the response.
 */
@WebServlet(urlPatterns = ReviewDocumentServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "REVIEWER"))
public class ReviewDocumentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/review/document";

  @EJB private ApplicationDocumentService documents;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentType> type = documentType(request.getParameter("type"));
    String id = request.getParameter("id");
    Optional<DocumentContent> content =
        id == null || type.isEmpty() ? Optional.empty() : documents.readForStaff(id, type.get());
    if (content.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DocumentContent document = content.get();
    PrivateDownloads.sendDocument(
        response, document, inline(document, "1".equals(request.getParameter("download"))));
  }

  /** Only an image (recognised by its content when uploaded) is shown inline, and not for 下载. */
  static boolean inline(DocumentContent document, boolean download) {
    return !download && document.isImage();
  }

  /** The document type of the request; empty for an unknown one. */
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
