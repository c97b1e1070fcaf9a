package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.document.PdfPageImages;
import cn.cwca.portal.web.PrivateDownloads;
import cn.cwca.portal.web.review.DocumentPageServlet;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Serves an uploaded document of the caller's application for 点击预览 and download, never as active
 * content in the portal's origin: {@code /applicant/document?id=<申请ID>&type=<DocumentType>} shows
 * an image inline ({@code Content-Security-Policy: sandbox}); a PDF, and with {@code &download=1}
 * any document, is a sandboxed attachment; {@code &page=<n>} is the n-th page of a PDF as a PNG
 * image, which the preview shows ({@link DocumentPageServlet#sendPage}). Under /applicant/*, so
 * web.xml admits applicants only; the service returns nothing for another applicant's 申请ID, which
 * gives 404 as an unknown one does. The file is streamed from the database to the response.
 */
@WebServlet(urlPatterns = DocumentServlet.PATH)
public class DocumentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/applicant/document";

  @EJB private ApplicationDocumentService documents;

  @Resource private ManagedExecutorService executor;

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
    String page = request.getParameter("page");
    if (page != null) {
      OptionalInt number =
          DocumentPageServlet.page(page, PdfPageImages.shared().limits().maxPages());
      if (number.isEmpty() || document.isImage()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      DocumentPageServlet.sendPage(response, document, number.getAsInt(), executor, id);
    } else {
      PrivateDownloads.sendDocument(
          response, document, document.isImage() && !"1".equals(request.getParameter("download")));
    }
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
