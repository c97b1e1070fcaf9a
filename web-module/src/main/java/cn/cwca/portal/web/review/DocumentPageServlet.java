package cn.cwca.portal.web.review;

import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.document.PdfPageImages;
import cn.cwca.portal.web.PrivateDownloads;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A page of a PDF document of a submitted order as a PNG image, rendered on the server so that the
 * reviewers never open an applicant's PDF as active content in the portal's origin: {@code
 * /review/document-page?id=<申请ID>&type=<DocumentType>&page=<n>} (n from 1). The rendering is
 * bounded ({@link PdfPageImages}): pages after the tenth are not shown (404), a page that takes too
 * long or finds too many renderings running answers 503, an unreadable PDF 415 (the review page
 * offers it for download then). Reviewers only (web.xml constrains /review/* too); an unknown order
 * or document, or one that is no PDF, gives 404.
 */
@WebServlet(urlPatterns = DocumentPageServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "REVIEWER"))
public class DocumentPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/review/document-page";

  private static final Logger LOG = Logger.getLogger(DocumentPageServlet.class.getName());

  @EJB private ApplicationDocumentService documents;

  @Resource private ManagedExecutorService executor;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PdfPageImages pages = PdfPageImages.shared();
    Optional<DocumentType> type = ReviewDocumentServlet.documentType(request.getParameter("type"));
    OptionalInt page = page(request.getParameter("page"), pages.limits().maxPages());
    String id = request.getParameter("id");
    Optional<DocumentContent> content =
        id == null || type.isEmpty() || page.isEmpty()
            ? Optional.empty()
            : documents.readForStaff(id, type.get()).filter(d -> !d.isImage());
    if (content.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    sendPage(response, content.get(), page.getAsInt(), executor, id);
  }

  /**
   * Answers with a page of a PDF as a PNG image (1 from the first page), or the status that says
   * why not: 404 for no such page, 503 when rendering takes too long, 415 for an unreadable PDF.
   *
   * @param orderId for the log only
   */
  public static void sendPage(
      HttpServletResponse response,
      DocumentContent document,
      int page,
      ManagedExecutorService executor,
      String orderId)
      throws IOException {
    byte[] png;
    try {
      png = PdfPageImages.shared().png(document, page - 1, executor);
    } catch (IllegalArgumentException noSuchPage) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (TimeoutException busy) {
      response.setHeader("Retry-After", "10");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    } catch (IOException unreadable) {
      LOG.log(
          Level.INFO,
          "A PDF of {0} ({1}) cannot be rendered: {2}",
          new Object[] {orderId, document.type(), unreadable.toString()});
      response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
      return;
    }
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    PrivateDownloads.send(
        response,
        "image/png",
        PrivateDownloads.disposition(false, document.type().name() + "-" + page + ".png"),
        png);
  }

  /** The page number of the request: 1 to {@code maxPages}; empty otherwise. */
  public static OptionalInt page(String parameter, int maxPages) {
    if (parameter == null || !parameter.matches("[0-9]{1,3}")) {
      return OptionalInt.empty();
    }
    int page = Integer.parseInt(parameter);
    return page >= 1 && page <= maxPages ? OptionalInt.of(page) : OptionalInt.empty();
  }
}
