package cn.cwca.portal.web.finance;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.invoice.AwaitingInvoice;
import cn.cwca.portal.invoice.CurrentInvoice;
import cn.cwca.portal.invoice.InvoiceFile;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.invoice.IssuedInvoice;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.StaffListModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.file.UploadedFile;

/**
 * /finance/invoices.xhtml: the finance desk's 数电发票. 待开票 lists the paid orders without an invoice
 * with their buyer data to copy into the tax platform; 开票 records the number and file of the
 * invoice made there. 已开票 lists the current invoices; 红冲 records the red-letter invoice that
 * reverses one, with its reason, and the order goes back to 待开票.
 */
@Named
@ViewScoped
public class InvoicesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private InvoiceService invoices;

  @Inject private CurrentCaller caller;

  private LazyDataModel<AwaitingInvoice> awaiting;
  private LazyDataModel<IssuedInvoice> issued;

  private AwaitingInvoice issuing;
  private String issueNumber;
  private byte[] file;
  private String fileName;

  private IssuedInvoice reversing;
  private String redNumber;
  private String reason;

  @PostConstruct
  void load() {
    awaiting =
        new StaffListModel<>(
            (first, size) -> invoices.awaiting(first, size), AwaitingInvoice::publicId);
    issued =
        new StaffListModel<>(
            (first, size) -> invoices.issued(first, size), IssuedInvoice::publicId);
  }

  // ===== 开票 =====

  /** 开票 of a 待开票 row: opens the dialog for its order. */
  public void startIssue(AwaitingInvoice row) {
    issuing = row;
    issueNumber = null;
    file = null;
    fileName = null;
  }

  /**
   * The invoice's file was chosen (uploaded at once): checked now, so that a wrong file is said
   * before 确认开票; kept until then.
   */
  public void fileChosen(FileUploadEvent event) {
    UploadedFile uploaded = event.getFile();
    byte[] content = uploaded == null ? null : uploaded.getContent();
    try {
      InvoiceFile.check(content);
      file = content;
      fileName = uploaded.getFileName();
    } catch (BusinessException refusal) {
      file = null;
      fileName = null;
      FacesMessages.addError(refusal);
    }
  }

  /** 确认开票: records the invoice of the dialog's order. */
  public void issue() {
    if (issuing == null) {
      return;
    }
    try {
      CurrentInvoice invoice =
          invoices.issue(issuing.publicId(), issueNumber, file, fileName, caller.clientInfo());
      FacesMessages.addInfoLabel(
          "invoices.issue.done", issuing.publicId(), invoice.invoiceNumber());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    startIssue(null);
  }

  // ===== 红冲 =====

  /** 红冲 of an 已开票 row: opens the dialog for its invoice. */
  public void startReverse(IssuedInvoice row) {
    reversing = row;
    redNumber = null;
    reason = null;
  }

  /** 确认红冲, after the confirmation: records the red-letter invoice. */
  public void reverse() {
    if (reversing == null) {
      return;
    }
    try {
      invoices.reverse(reversing.publicId(), redNumber, reason, caller.clientInfo());
      FacesMessages.addInfoLabel(
          "invoices.reverse.done", reversing.publicId(), reversing.invoiceNumber());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    startReverse(null);
  }

  // ===== the page =====

  /** 待开票, oldest submission first. */
  public LazyDataModel<AwaitingInvoice> getAwaiting() {
    return awaiting;
  }

  /** 已开票, newest invoice first. */
  public LazyDataModel<IssuedInvoice> getIssued() {
    return issued;
  }

  /** Where the finance staff view an invoice's file ({@link InvoiceFileServlet}). */
  public String fileUrl(IssuedInvoice row) {
    return InvoiceFileServlet.PATH + "?id=" + row.invoiceId();
  }

  /** The size limit of the invoice's file, for p:fileUpload's sizeLimit. */
  public long getMaxBytes() {
    return InvoiceFile.MAX_BYTES;
  }

  /** The order of the 开票 dialog. */
  public AwaitingInvoice getIssuing() {
    return issuing;
  }

  public String getIssueNumber() {
    return issueNumber;
  }

  public void setIssueNumber(String issueNumber) {
    this.issueNumber = issueNumber;
  }

  /** Whether a file was chosen and accepted for the 开票 dialog. */
  public boolean isFileChosen() {
    return file != null;
  }

  public String getFileName() {
    return fileName;
  }

  /** The chosen file's size in KB, rounded up. */
  public long getFileSizeKb() {
    return file == null ? 0 : (file.length + 1023) / 1024;
  }

  /** The invoice of the 红冲 dialog. */
  public IssuedInvoice getReversing() {
    return reversing;
  }

  public String getRedNumber() {
    return redNumber;
  }

  public void setRedNumber(String redNumber) {
    this.redNumber = redNumber;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
