package cn.cwca.portal.web.applicant;

import cn.cwca.portal.catalogue.DocumentType;
import org.primefaces.event.FileUploadEvent;

/**
 * What the documents' include ({@code WEB-INF/includes/document-slots.xhtml} and {@code
 * document-preview.xhtml}) needs of a page's backing bean: the documents asked for with their
 * files, 上传/替换, 删除 and 点击预览 (the wizard, and 修改资料并重新提交 after 驳回).
 */
public interface DocumentSlots {

  /** Item key (attribute of each p:fileUpload) naming the document it uploads. */
  String DOCUMENT_TYPE_ATTRIBUTE = "documentType";

  /** Every document type, in display order (those not asked for are not rendered). */
  DocumentType[] getDocumentTypes();

  /** The document's row, {@code null} when the application does not ask for it. */
  DocumentRow row(DocumentType type);

  /** p:fileUpload: upload or 替换 of the document named by the component's attribute. */
  void upload(FileUploadEvent event);

  /** 删除. */
  void delete(DocumentType type);

  /** 点击预览: the document the preview dialog shows. */
  void preview(DocumentType type);

  /** The document of the preview dialog. */
  DocumentRow getPreviewed();

  /** Where the preview and the download of a document are served ({@link DocumentServlet}). */
  String documentUrl(DocumentRow row);

  /** The size limit of an upload, for p:fileUpload's sizeLimit. */
  long getMaxBytes();

  /** The size limit's refusal, shown by p:fileUpload before sending a file that is too large. */
  String getTooLargeMessage();
}
