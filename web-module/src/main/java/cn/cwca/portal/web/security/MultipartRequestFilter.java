package cn.cwca.portal.web.security;

import cn.cwca.portal.document.DocumentUploadPolicy;
import cn.cwca.portal.invoice.InvoiceFile;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Lets a multipart request (a file upload) reach a page only where a page uploads files, and only
 * when it declares a length within what that page accepts: the documents of 资料文件上传 (the configured
 * {@link DocumentUploadPolicy}) and the invoice files of the finance staff ({@link
 * InvoiceFile#MAX_BYTES}), each with room for the form's other fields. Public pages and every other
 * page accept no multipart request at all (415), a larger one is refused before the container reads
 * it (413), and one without a declared length too (411). The Faces servlet's multipart-config in
 * web.xml stays the absolute bound behind this filter.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class MultipartRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Room for the form's other fields, its view state and the multipart framing. */
  static final long FORM_OVERHEAD = 256L * 1024;

  /** The pages that upload files, with the largest file each accepts. */
  private static final Map<String, LongSupplier> UPLOAD_PAGES =
      Map.of(
          "/applicant/apply.xhtml", () -> DocumentUploadPolicy.configured().maxBytes(),
          "/applicant/resubmit.xhtml", () -> DocumentUploadPolicy.configured().maxBytes(),
          "/finance/invoices.xhtml", () -> InvoiceFile.MAX_BYTES,
          // 资料模板: a template passes the applicants' upload checks
          "/admin/catalogue-templates.xhtml", () -> DocumentUploadPolicy.configured().maxBytes());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    int refusal =
        refusal(request.getServletPath(), request.getContentType(), request.getContentLengthLong());
    if (refusal != 0) {
      response.sendError(refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The status that refuses the request, 0 when it may go on.
   *
   * @param contentLength the declared length, -1 when none
   */
  static int refusal(String servletPath, String contentType, long contentLength) {
    if (contentType == null
        || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return 0;
    }
    OptionalLong maxFile = maxFileBytes(servletPath);
    if (maxFile.isEmpty()) {
      return HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
    }
    if (contentLength < 0) {
      return HttpServletResponse.SC_LENGTH_REQUIRED;
    }
    if (contentLength > maxFile.getAsLong() + FORM_OVERHEAD) {
      return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
    }
    return 0;
  }

  /** The largest file the page accepts; empty for a page that uploads none. */
  static OptionalLong maxFileBytes(String servletPath) {
    LongSupplier limit = servletPath == null ? null : UPLOAD_PAGES.get(servletPath);
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit.getAsLong());
  }
}
