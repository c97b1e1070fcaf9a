package cn.cwca.portal.web.admin;

import cn.cwca.portal.catalogue.DocumentTemplateService;
import cn.cwca.portal.catalogue.DocumentTemplateService.TemplateFile;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.web.PrivateDownloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * 资料模板, 下载: the template applicants currently get for a document type (uploaded or built-in),
 * {@code /admin/catalogue-template?type=<DocumentType>}, as a sandboxed attachment named after the
 * uploaded file. Under /admin/*, so web.xml admits administrators only; a document type without
 * replaceable template gives 404.
 */
@WebServlet(urlPatterns = CatalogueTemplateServlet.PATH)
public class CatalogueTemplateServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/admin/catalogue-template";

  @EJB private DocumentTemplateService templates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentType> type = replaceableType(request.getParameter("type"));
    if (type.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    TemplateFile file = templates.download(type.get());
    PrivateDownloads.sendSandboxedAttachment(
        response, "application/pdf", file.info().fileName(), file.content());
  }

  /** The document type of the request; empty when it names none with a replaceable template. */
  static Optional<DocumentType> replaceableType(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DocumentType.valueOf(name)).filter(DocumentType::hasReplaceableTemplate);
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
