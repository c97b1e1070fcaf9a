package cn.cwca.portal.web;

import jakarta.faces.context.FacesContext;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.model.file.UploadedFile;

/**
 * The portal's {@code p:fileUpload} (registered for PrimeFaces' component type in
 * faces-config.xml): PrimeFaces' own, without its check of the uploaded file's name.
 *
 * <p>PrimeFaces refuses, before the listener runs, every file whose name it would not trust as a
 * path on the server ({@code FileUploadUtils.requireValidFilename}): a name with a URL-encoded
 * sequence such as {@code report%20final.pdf} or {@code 增长50%ab.pdf}, or with one of {@code : * ? "
 * < > |}. The upload then never reaches {@code DocumentSlots.upload} or {@code
 * InvoicesBacking.fileChosen}: no file, no Chinese message, only PrimeFaces' English text on the
 * component. The portal never uses the client's name as a path: documents are stored in the
 * database and their name is display text, cleaned by the services ({@code
 * cn.cwca.portal.document.StoredFileName}); an invoice's file is named after its number. So any
 * name is accepted here, and the file's content is what the services check.
 */
public class PortalFileUpload extends FileUpload {

  /** Accepts any name (see the class comment). */
  @Override
  public void validateFilename(FacesContext context, UploadedFile file) {
    // The name is display text only, cleaned where it is stored.
  }
}
