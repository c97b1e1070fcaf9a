package cn.cwca.portal.web.finance;

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
 * The file of any recorded invoice for the finance staff (已开票, 查看发票): {@code
 * /finance/invoice-file?id=<invoice id>}, as an attachment like the applicant's download. Under
 * /finance/*, so web.xml admits the finance staff only; an unknown id gives 404.
 */
@WebServlet(urlPatterns = InvoiceFileServlet.PATH)
public class InvoiceFileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The servlet path. */
  public static final String PATH = "/finance/invoice-file";

  @EJB private InvoiceService invoices;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<InvoiceContent> invoice =
        invoiceId(request.getParameter("id")).flatMap(invoices::file);
    if (invoice.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    InvoiceContent file = invoice.get();
    PrivateDownloads.sendSandboxedAttachment(
        response, file.contentType(), file.fileName(), file.bytes());
  }

  /** The invoice id of the request; empty when it is none. */
  static Optional<Long> invoiceId(String parameter) {
    if (parameter == null || !parameter.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(parameter));
  }
}
