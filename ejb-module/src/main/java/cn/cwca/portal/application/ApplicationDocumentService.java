package cn.cwca.portal.application;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.catalogue.Catalogue;
import cn.cwca.portal.catalogue.DocumentRequirements;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.CheckedDocument;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.document.DocumentInfo;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentStore;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.document.DocumentUploadPolicy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 资料文件上传: the documents of the caller's applications, uploaded, replaced and deleted while the
 * application is a draft or, after 驳回, until it is resubmitted; readable afterwards by its owner
 * and by the staff. A file is accepted by its content (PDF, JPEG, PNG) and size ({@link
 * DocumentUploadPolicy}), and stored in PostgreSQL. A file is streamed from the upload to the
 * database and back to the reader, never held in memory as a whole ({@link DocumentStore}).
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
public class ApplicationDocumentService {

  /** Audit actions (target {@code application:<申请ID>}). */
  static final String UPLOADED = "application.documentUploaded";

  static final String DELETED = "application.documentDeleted";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Catalogue catalogue;

  @Inject DocumentStore store;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /** What an upload must be, its size limit for the upload component too. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public DocumentUploadPolicy uploadPolicy() {
    return DocumentUploadPolicy.configured();
  }

  /**
   * The documents asked for from the caller's application, in display order, with the current
   * files.
   *
   * @throws BusinessException {@code application.notFound}; {@code application.stepsIncomplete}
   *     before step 1 was saved
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DocumentSlot> slots(String publicId) {
    CertificateApplication a = owned(publicId);
    a.requireCertificateInformation();
    DocumentRequirements requirements = requirementsOf(a);
    Map<DocumentType, DocumentInfo> uploaded =
        store.infos(a.getId()).stream()
            .collect(Collectors.toMap(DocumentInfo::type, Function.identity()));
    return requirements.asked(a.getUserType(), a.getServiceType()).stream()
        .map(
            type ->
                new DocumentSlot(
                    type,
                    requirements.isRequired(a.getUserType(), a.getServiceType(), type),
                    uploaded.get(type)))
        .toList();
  }

  /**
   * Uploads a document of the caller's draft or rejected order (修改资料并重新提交), or replaces the current
   * file of that type. The format comes from the content; the file name is kept for display only,
   * cleaned and with the extension of that format ({@link cn.cwca.portal.document.StoredFileName}).
   * The upload is read once, as a stream; a refused one changes nothing, the current file stays.
   *
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}, {@code
   *     application.stepsIncomplete}; {@code validation.required} (no type); {@code
   *     application.document.notAsked}; {@code application.document.empty}, {@code
   *     application.document.tooLarge}, {@code application.document.unsupportedType}, or a file
   *     that does not open ({@link DocumentUploadPolicy#check})
   */
  public DocumentInfo upload(
      String publicId, DocumentType type, DocumentUpload upload, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a = Applications.lockedOwnedWithEditableDocuments(em, owner, publicId);
    a.requireCertificateInformation();
    if (type == null) {
      throw new BusinessException("validation.required");
    }
    if (!requirementsOf(a).isAsked(a.getUserType(), a.getServiceType(), type)) {
      throw new BusinessException("application.document.notAsked");
    }
    DocumentStore.Stored stored;
    try (CheckedDocument checked = DocumentUploadPolicy.configured().check(upload)) {
      stored = store.put(a.getId(), type, checked, LocalDateTime.now(clock));
    }
    Applications.flush(em);
    DocumentInfo document = stored.info();
    audit.record(
        owner,
        UPLOADED,
        Applications.auditTarget(a),
        "type="
            + type
            + ", contentType="
            + document.contentType()
            + ", size="
            + document.size()
            + ", sha256="
            + document.sha256()
            + (stored.replaced() ? ", replaced" : "")
            + (a.isDraft() ? "" : ", round=" + a.getReviewRound()),
        c);
    return document;
  }

  /**
   * Deletes a document of the caller's draft or rejected order; deleting one that is not there
   * changes nothing.
   *
   * @throws BusinessException {@code application.notFound}, {@code application.notDraft}
   */
  public void delete(String publicId, DocumentType type, ClientInfo c) {
    String owner = callerName();
    CertificateApplication a = Applications.lockedOwnedWithEditableDocuments(em, owner, publicId);
    if (type == null) {
      return;
    }
    if (!store.remove(a.getId(), type)) {
      return;
    }
    Applications.flush(em);
    audit.record(owner, DELETED, Applications.auditTarget(a), "type=" + type, c);
  }

  /**
   * A document of one of the caller's applications (any status), to preview or download; empty when
   * there is none, and for another applicant's 申请ID. Its bytes are read as a stream when they are
   * used ({@link DocumentContent#openStream()}).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<DocumentContent> read(String publicId, DocumentType type) {
    return Applications.owned(em, callerName(), publicId).flatMap(a -> content(a, type));
  }

  /**
   * A document of a submitted application of any applicant, for the staff who check them (not the
   * administrators).
   */
  @RolesAllowed({"REVIEWER", "OPERATOR"})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<DocumentContent> readForStaff(String publicId, DocumentType type) {
    return Applications.submitted(em, publicId).flatMap(a -> content(a, type));
  }

  private Optional<DocumentContent> content(CertificateApplication a, DocumentType type) {
    return store.content(a.getId(), type);
  }

  private DocumentRequirements requirementsOf(CertificateApplication a) {
    return catalogue.documentRequirements(a.getUserType(), a.getServiceType());
  }

  private CertificateApplication owned(String publicId) {
    return Applications.owned(em, callerName(), publicId)
        .orElseThrow(() -> new BusinessException("application.notFound"));
  }

  private String callerName() {
    return session.getCallerPrincipal().getName();
  }
}
