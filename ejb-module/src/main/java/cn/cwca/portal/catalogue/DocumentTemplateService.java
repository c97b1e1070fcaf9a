package cn.cwca.portal.catalogue;

import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.CheckedDocument;
import cn.cwca.portal.document.DocumentFormat;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.document.DocumentUploadPolicy;
import cn.cwca.portal.document.StoredFileName;
import cn.cwca.portal.document.forms.BuiltInTemplates;
import cn.cwca.portal.document.forms.FormRenderer;
import cn.cwca.portal.persistence.AdvisoryLocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * 目录维护, 资料模板: administrators replace the blank templates applicants download on step 4 with a PDF
 * of their own ({@link DocumentType#hasReplaceableTemplate()}: not the 《数字证书申请单》, which is filled
 * in with the order's data), and restore the built-in one ({@link FormRenderer}). Nothing is
 * deleted: an upload is a new {@code document_template} row that retires the one it replaces, and
 * 恢复内置模板 retires the current row. Each change is one transaction with its audit entry (target
 * {@code catalogue:template:<document type>}, details the file name and SHA-256 before and after),
 * and waits for the other catalogue changes (the catalogue's advisory lock).
 *
 * <p>An upload passes the applicants' upload checks ({@link DocumentUploadPolicy}: size limit,
 * content that opens) and must be a PDF by its content; its bytes are streamed from the checked
 * temporary file into the database.
 */
@Stateless
@DeclareRoles({"APPLICANT", "ADMIN"})
@RolesAllowed("ADMIN")
public class DocumentTemplateService {

  /** Audit actions. */
  static final String TEMPLATE_UPLOADED = "catalogue.templateUploaded";

  static final String TEMPLATE_RESTORED = "catalogue.templateRestored";

  private static final String NOT_PDF = "catalogue.template.notPdf";

  private static final String UNSUPPORTED_TYPE = "application.document.unsupportedType";

  /** The catalogue's lock ({@link CatalogueService}): one change of the catalogue at a time. */
  private static final String LOCK_SCOPE = "catalogue";

  /**
   * The bytes of the current uploaded template of each document type, by row: a row's file never
   * changes, so a cached one is right as long as the row is still the current one.
   */
  private static final Map<DocumentType, Cached> SERVED = new ConcurrentHashMap<>();

  private record Cached(long id, byte[] bytes) {}

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Inject AuditLog audit;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /** The templates of the document types that have a replaceable one, in display order. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TemplateInfo> templates() {
    Map<DocumentType, TemplateInfo> uploaded = new EnumMap<>(DocumentType.class);
    em.createNamedQuery(DocumentTemplate.ALL_CURRENT, DocumentTemplate.class)
        .getResultList()
        .forEach(t -> uploaded.put(t.getType(), t.info()));
    return Arrays.stream(DocumentType.values())
        .filter(DocumentType::hasReplaceableTemplate)
        .map(type -> uploaded.getOrDefault(type, builtInInfo(type)))
        .toList();
  }

  /**
   * The current template of a document type as the administrator checks it: its description and
   * bytes.
   *
   * @throws BusinessException {@code catalogue.template.notReplaceable} for a document type without
   *     replaceable template
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public TemplateFile download(DocumentType type) {
    replaceable(type);
    Optional<DocumentTemplate> current = current(type);
    return current
        .map(t -> new TemplateFile(t.info(), bytesOf(t)))
        .orElseGet(() -> new TemplateFile(builtInInfo(type), BuiltInTemplates.of(type)));
  }

  /**
   * The blank template applicants download: the uploaded one, else the built-in one. Called by
   * {@code ApplicationFormService} for the applicant.
   *
   * @throws IllegalArgumentException for a document type without replaceable template
   */
  @RolesAllowed("APPLICANT")
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public byte[] served(DocumentType type) {
    if (type == null || !type.hasReplaceableTemplate()) {
      throw new IllegalArgumentException("no replaceable template for " + type);
    }
    return current(type).map(this::bytesOf).orElseGet(() -> BuiltInTemplates.of(type));
  }

  /**
   * 上传新模板: the upload becomes the template of its document type; the one it replaces is retired.
   *
   * @throws BusinessException {@code catalogue.template.notReplaceable}; {@code
   *     catalogue.template.notPdf} for a file that is not a PDF by its content; another refusal of
   *     {@link DocumentUploadPolicy#check} (empty, too large, damaged or encrypted PDF, ...)
   * @throws IllegalStateException when the file cannot be stored (the transaction rolls back)
   */
  public TemplateInfo upload(DocumentType type, DocumentUpload upload, ClientInfo c) {
    replaceable(type);
    try (CheckedDocument file = checkedPdf(upload)) {
      lock();
      String actor = actor();
      LocalDateTime now = now();
      Optional<DocumentTemplate> current = current(type);
      String before =
          current.map(DocumentTemplate::info).orElseGet(() -> builtInInfo(type)).describe();
      current.ifPresent(t -> t.retire(actor, now));
      // The retirement first (one current row per type), and on the connection JDBC writes on.
      em.flush();
      String fileName = StoredFileName.of(file.fileName(), DocumentFormat.PDF);
      long id;
      try (Connection connection = dataSource.getConnection()) {
        id =
            TemplateBytes.insert(
                connection, type, fileName, file.size(), file.sha256(), file::open, now, actor);
      } catch (IOException | SQLException e) {
        throw new IllegalStateException("the template could not be stored", e);
      }
      TemplateInfo after =
          new TemplateInfo(type, id, fileName, file.size(), file.sha256(), actor, now);
      audit.record(actor, TEMPLATE_UPLOADED, target(type), before + " -> " + after.describe(), c);
      return after;
    }
  }

  /**
   * 恢复内置模板: retires the uploaded template, so that applicants get the built-in one again.
   *
   * @param shownId the uploaded template the page showed ({@code null} for the built-in one)
   * @throws BusinessException {@code catalogue.template.notReplaceable}; {@code
   *     catalogue.concurrentEdit} when the current template is not the one the page showed
   */
  public TemplateInfo restoreBuiltIn(DocumentType type, Long shownId, ClientInfo c) {
    replaceable(type);
    lock();
    Optional<DocumentTemplate> current = current(type);
    Long currentId = current.map(DocumentTemplate::getId).orElse(null);
    if (shownId == null ? currentId != null : !shownId.equals(currentId)) {
      throw new BusinessException("catalogue.concurrentEdit");
    }
    TemplateInfo builtIn = builtInInfo(type);
    if (current.isEmpty()) {
      return builtIn;
    }
    String actor = actor();
    current.get().retire(actor, now());
    em.flush();
    audit.record(
        actor,
        TEMPLATE_RESTORED,
        target(type),
        current.get().info().describe() + " -> " + builtIn.describe(),
        c);
    return builtIn;
  }

  /**
   * The upload as the applicants' uploads are checked, and a PDF by its content: neither the file
   * name nor the browser's type count. A file of no known format is refused as not a PDF, rather
   * than with the applicants' message that offers images too.
   */
  private static CheckedDocument checkedPdf(DocumentUpload upload) {
    CheckedDocument file;
    try {
      file = DocumentUploadPolicy.configured().check(upload);
    } catch (BusinessException refusal) {
      if (UNSUPPORTED_TYPE.equals(refusal.messageKey())) {
        throw new BusinessException(NOT_PDF);
      }
      throw refusal;
    }
    if (file.format() != DocumentFormat.PDF) {
      file.close();
      throw new BusinessException(NOT_PDF);
    }
    return file;
  }

  /** The audit trail's target of a document type's template. */
  static String target(DocumentType type) {
    return "catalogue:template:" + type.name();
  }

  private static void replaceable(DocumentType type) {
    if (type == null || !type.hasReplaceableTemplate()) {
      throw new BusinessException("catalogue.template.notReplaceable");
    }
  }

  private Optional<DocumentTemplate> current(DocumentType type) {
    return em.createNamedQuery(DocumentTemplate.CURRENT, DocumentTemplate.class)
        .setParameter("type", type)
        .getResultStream()
        .findFirst();
  }

  private byte[] bytesOf(DocumentTemplate template) {
    Cached cached = SERVED.get(template.getType());
    if (cached == null || cached.id() != template.getId()) {
      try (Connection connection = dataSource.getConnection()) {
        cached = new Cached(template.getId(), TemplateBytes.read(connection, template.getId()));
      } catch (SQLException e) {
        throw new IllegalStateException("template " + template.getId() + " could not be read", e);
      }
      SERVED.put(template.getType(), cached);
    }
    return cached.bytes().clone();
  }

  private static TemplateInfo builtInInfo(DocumentType type) {
    byte[] bytes = BuiltInTemplates.of(type);
    return new TemplateInfo(
        type,
        null,
        FormRenderer.fileName(type, null),
        bytes.length,
        HexFormat.of().formatHex(sha256(bytes)),
        null,
        null);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private void lock() {
    AdvisoryLocks.holdUntilCommit(em, LOCK_SCOPE, "changes");
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }

  /** A template and its bytes, for the administrator's 下载. */
  public record TemplateFile(TemplateInfo info, byte[] content) {}
}
