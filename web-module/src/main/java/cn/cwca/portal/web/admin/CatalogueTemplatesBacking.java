package cn.cwca.portal.web.admin;

import cn.cwca.portal.catalogue.DocumentTemplateService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.TemplateInfo;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.document.DocumentUploadPolicy;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * /admin/catalogue-templates.xhtml: 资料模板. For each document whose template applicants download (but
 * the 申请单, filled in from the order), the current template with 下载, 上传新模板 (a PDF) and 恢复内置模板.
 */
@Named
@ViewScoped
public class CatalogueTemplatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Item key (attribute of each p:fileUpload) naming the document it uploads the template of. */
  public static final String DOCUMENT_TYPE_ATTRIBUTE = "documentType";

  @Inject private DocumentTemplateService templateService;

  @Inject private CurrentCaller caller;

  private List<TemplateInfo> templates;

  @PostConstruct
  void load() {
    templates = templateService.templates();
  }

  /**
   * 上传新模板 (p:fileUpload): the file is handed over as the container's multipart part, read by the
   * service as a stream.
   */
  public void upload(FileUploadEvent event) {
    DocumentType type =
        (DocumentType) event.getComponent().getAttributes().get(DOCUMENT_TYPE_ATTRIBUTE);
    try {
      templateService.upload(type, uploadOf(event.getFile()), caller.clientInfo());
      FacesMessages.addInfoLabel(
          "catalogue.template.uploaded", FacesMessages.message(type.labelKey()));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 恢复内置模板, after the confirmation: names the uploaded template the table showed. */
  public void restore(TemplateInfo shown) {
    try {
      templateService.restoreBuiltIn(shown.type(), shown.id(), caller.clientInfo());
      FacesMessages.addInfoLabel(
          "catalogue.template.restored", FacesMessages.message(shown.type().labelKey()));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /**
   * A stream of the multipart part (never the whole file in memory); no file is an empty upload.
   */
  static DocumentUpload uploadOf(UploadedFile file) {
    if (file == null) {
      return DocumentUpload.of(null, new byte[0]);
    }
    return new DocumentUpload(file.getFileName(), file.getSize(), file::getInputStream);
  }

  /** Where 下载 gets the current template ({@link CatalogueTemplateServlet}). */
  public String downloadUrl(TemplateInfo template) {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + CatalogueTemplateServlet.PATH
        + "?type="
        + template.type().name();
  }

  public List<TemplateInfo> getTemplates() {
    return templates;
  }

  /** The size limit of an upload, for p:fileUpload's sizeLimit (the applicants' limit). */
  public long getMaxBytes() {
    return DocumentUploadPolicy.configured().maxBytes();
  }

  /** The size limit's refusal, shown by p:fileUpload before sending a file that is too large. */
  public String getTooLargeMessage() {
    return FacesMessages.message(
        "application.document.tooLarge", DocumentUploadPolicy.configured().limitText());
  }
}
