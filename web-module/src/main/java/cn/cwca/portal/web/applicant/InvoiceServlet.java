package cn.cwca.portal.web.applicant;

import cn.cwca.portal.invoice.InvoiceContent;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.web.PrivateDownloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Downloads the current 数电发票 of one of the caller's orders (进度查询, 发票信息): {@code
 * /applicant/invoice?id=<申请ID>}, always as an attachment. Under /applicant/*, so web.xml admits
 * applicants only; the service returns nothing for another applicant's 申请ID, which gives 404 as an
 * unknown one does.
 */
@WebServlet(urlPatterns = InvoiceServlet.PATH)
public class InvoiceServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/applicant/invoice";

  @EJB private InvoiceService invoices;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    Optional<InvoiceContent> invoice = id == null ? Optional.empty() : invoices.invoiceFile(id);
    if (invoice.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    InvoiceContent file = invoice.get();
    PrivateDownloads.sendSandboxedAttachment(
        response, file.contentType(), file.fileName(), file.bytes());
  }
}
