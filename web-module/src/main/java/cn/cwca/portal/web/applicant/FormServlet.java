package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationFormService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.forms.FormRenderer;
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
 * The templates of step 4 (资料文件上传) as PDF downloads: {@code /applicant/form?type=<DocumentType>}
 * gives the blank template of a document that has one, {@code
 * /applicant/form?type=APPLICATION_FORM&id=<申请ID>} the 申请单 filled in from the caller's application.
 * Under /applicant/*, so web.xml admits applicants only; an unknown type, a document without
 * template, an unknown 申请ID and another applicant's 申请ID all give 404.
 */
@WebServlet(urlPatterns = FormServlet.PATH)
public class FormServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/applicant/form";

  @EJB private ApplicationFormService forms;

  /**
   * What a request asks for: a document's template, or the 申请单 of an application.
   *
   * @param applicationId the 申请ID (trimmed, upper case); {@code null} for a blank template
   */
  record FormRequest(DocumentType type, String applicationId) {

    /** The download's file name, e.g. 数字证书申请单-ABCDEFGHJKLMNPQR.pdf. */
    String fileName() {
      return FormRenderer.fileName(type, applicationId);
    }
  }

  /**
   * The request of the parameters; empty when they name no document with a template, or give a 申请ID
   * with another document than the 申请单 (only the 申请单 is filled in).
   */
  static Optional<FormRequest> parse(String type, String id) {
    Optional<DocumentType> document =
        DocumentServlet.documentType(type).filter(DocumentType::hasTemplate);
    if (document.isEmpty()) {
      return Optional.empty();
    }
    String applicationId = id == null || id.isBlank() ? null : id.strip().toUpperCase(Locale.ROOT);
    if (applicationId != null && document.get() != DocumentType.APPLICATION_FORM) {
      return Optional.empty();
    }
    return Optional.of(new FormRequest(document.get(), applicationId));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<FormRequest> parsed = parse(request.getParameter("type"), request.getParameter("id"));
    Optional<byte[]> pdf =
        parsed.flatMap(
            r ->
                r.applicationId() == null
                    ? Optional.of(forms.template(r.type()))
                    : forms.filledApplicationForm(r.applicationId()));
    if (pdf.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    PrivateDownloads.send(
        response,
        "application/pdf",
        PrivateDownloads.disposition(true, parsed.get().fileName()),
        pdf.get());
  }
}
