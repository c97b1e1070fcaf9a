package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.document.PdfPageImages;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The documents of one order on a page ({@code WEB-INF/includes/document-slots.xhtml} and {@code
 * document-preview.xhtml}): the documents asked for with their files, 上传/替换, 删除 and 点击预览. The
 * wizard and 修改资料并重新提交 after 驳回 extend it and name the order ({@link #documentsOrderId()}).
 */
public abstract class DocumentSlots implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Item key (attribute of each p:fileUpload) naming the document it uploads. */
  public static final String DOCUMENT_TYPE_ATTRIBUTE = "documentType";

  @Inject private ApplicationDocumentService documents;

  @Inject protected CurrentCaller caller;

  private List<DocumentRow> documentRows = List.of();
  private DocumentRow previewed;
  private int previewedPages;

  /** The 申请ID whose documents are shown, {@code null} while the page has no order. */
  protected abstract String documentsOrderId();

  /** After the documents were read again (an upload, a deletion): what else the page refreshes. */
  protected void documentsChanged() {}

  /**
   * p:fileUpload: upload or 替换 of the document named by the component's attribute. The file is
   * handed over as the container's multipart part, which the service reads as a stream ({@link
   * #uploadOf}).
   */
  public void upload(FileUploadEvent event) {
    DocumentType type =
        (DocumentType) event.getComponent().getAttributes().get(DOCUMENT_TYPE_ATTRIBUTE);
    try {
      documents.upload(documentsOrderId(), type, uploadOf(event.getFile()), caller.clientInfo());
      FacesMessages.addInfoLabel(
          "apply.documents.uploaded", FacesMessages.message(type.labelKey()));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    refreshDocuments();
  }

  /**
   * The upload of a file as a stream of its multipart part (never {@code
   * UploadedFile.getContent()}, which reads the whole file into memory); no file is an empty
   * upload.
   */
  static DocumentUpload uploadOf(UploadedFile file) {
    if (file == null) {
      return DocumentUpload.of(null, new byte[0]);
    }
    return new DocumentUpload(file.getFileName(), file.getSize(), file::getInputStream);
  }

  /** 删除. */
  public void delete(DocumentType type) {
    try {
      documents.delete(documentsOrderId(), type, caller.clientInfo());
      FacesMessages.addInfoLabel("apply.documents.deleted", FacesMessages.message(type.labelKey()));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    refreshDocuments();
  }

  /** 点击预览: the document the preview dialog shows. */
  public void preview(DocumentType type) {
    previewed = row(type);
    previewedPages = previewed == null || previewed.isImage() ? 0 : pagesOf(type);
  }

  /**
   * The pages of the caller's PDF that the preview shows as images; 0 when it cannot be read (it is
   * offered for download only).
   */
  private int pagesOf(DocumentType type) {
    String orderId = documentsOrderId();
    return PdfPageImages.shared()
        .pagesShownOf(orderId == null ? Optional.empty() : documents.read(orderId, type));
  }

  /** The page numbers (from 1) of the previewed PDF shown as images. */
  public List<Integer> getPreviewedPages() {
    return IntStream.rangeClosed(1, previewedPages).boxed().toList();
  }

  /** Where a page of the previewed PDF is served as an image ({@link DocumentServlet}). */
  public String pageUrl(DocumentRow row, int page) {
    String url = documentUrl(row);
    return url.isEmpty() ? url : url + "&page=" + page;
  }

  /** Where the document is served as a download ({@link DocumentServlet}). */
  public String downloadUrl(DocumentRow row) {
    String url = documentUrl(row);
    return url.isEmpty() ? url : url + "&download=1";
  }

  /** Reads the order's documents again (the preview follows a replaced file). */
  protected void refreshDocuments() {
    documentRows = documents.slots(documentsOrderId()).stream().map(DocumentRow::new).toList();
    if (previewed != null) {
      preview(previewed.getType());
    }
    documentsChanged();
  }

  /** Every document type, in display order (those not asked for are not rendered). */
  public DocumentType[] getDocumentTypes() {
    return DocumentType.values();
  }

  public List<DocumentRow> getDocumentRows() {
    return documentRows;
  }

  /** The document's row, {@code null} when the order does not ask for it. */
  public DocumentRow row(DocumentType type) {
    return documentRows.stream().filter(r -> r.getType() == type).findFirst().orElse(null);
  }

  /** The document of the preview dialog. */
  public DocumentRow getPreviewed() {
    return previewed;
  }

  /** Where the preview and the download of a document are served ({@link DocumentServlet}). */
  public String documentUrl(DocumentRow row) {
    String orderId = documentsOrderId();
    if (row == null || orderId == null) {
      return "";
    }
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + DocumentServlet.PATH
        + "?id="
        + orderId
        + "&type="
        + row.getType().name()
        + "&v="
        + row.getVersion();
  }

  /** The size limit of an upload, for p:fileUpload's sizeLimit. */
  public long getMaxBytes() {
    return documents.uploadPolicy().maxBytes();
  }

  /** The size limit's refusal, shown by p:fileUpload before sending a file that is too large. */
  public String getTooLargeMessage() {
    return FacesMessages.message(
        "application.document.tooLarge", documents.uploadPolicy().limitText());
  }
}
