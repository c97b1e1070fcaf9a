package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The files of the applications, one current file per application and document type, kept in
 * PostgreSQL. It knows applications only by their internal id: who may read or change them is the
 * application's service to decide, which calls this inside its own transaction.
 *
 * <p>A file's bytes are streamed ({@link DocumentBytes}): from the upload's checked temporary file
 * into the row, with JDBC on the transaction's connection of {@code jdbc/caportal}, and back out in
 * chunks; they are never loaded through JPA.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DocumentStore {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  private DocumentBytes bytes;

  @PostConstruct
  void init() {
    bytes = new DocumentBytes(dataSource);
  }

  /**
   * Puts a checked file in place, replacing the current file of that type. Its bytes are streamed
   * into the database in the caller's transaction: if that rolls back, the previous file stays.
   *
   * @return the stored file, and whether it replaced one
   * @throws IllegalStateException when the file cannot be stored (the transaction rolls back)
   */
  public Stored put(
      long applicationId, DocumentType type, CheckedDocument file, LocalDateTime now) {
    // JPA's pending changes first: the row is written on the same connection, past JPA.
    em.flush();
    String fileName = ApplicationDocument.displayName(file.fileName(), file.format());
    String contentType = file.format().contentType();
    DocumentBytes.Written written;
    try (Connection connection = dataSource.getConnection()) {
      written =
          DocumentBytes.write(
              connection,
              applicationId,
              type,
              fileName,
              contentType,
              file.size(),
              file.sha256(),
              file::open,
              now);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("the document could not be stored", e);
    }
    return new Stored(
        new DocumentInfo(type, fileName, contentType, file.size(), file.sha256(), now),
        written.replaced());
  }

  /** Removes the file of that type; {@code false} when there was none. */
  public boolean remove(long applicationId, DocumentType type) {
    Optional<ApplicationDocument> current = find(applicationId, type);
    current.ifPresent(em::remove);
    return current.isPresent();
  }

  /** The files of an application, without their bytes. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DocumentInfo> infos(long applicationId) {
    return em
        .createNamedQuery(ApplicationDocument.INFOS, Object[].class)
        .setParameter("applicationId", applicationId)
        .getResultList()
        .stream()
        .map(ApplicationDocument::info)
        .toList();
  }

  /** The document types an application has a file of. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<DocumentType> types(long applicationId) {
    return new HashSet<>(
        em.createNamedQuery(ApplicationDocument.TYPES, DocumentType.class)
            .setParameter("applicationId", applicationId)
            .getResultList());
  }

  /**
   * One file, its bytes to be read as a stream ({@link DocumentContent#openStream()}), also after
   * this call's transaction.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<DocumentContent> content(long applicationId, DocumentType type) {
    if (type == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(ApplicationDocument.CONTENT, Object[].class)
        .setParameter("applicationId", applicationId)
        .setParameter("type", type)
        .getResultStream()
        .findFirst()
        .map(row -> ApplicationDocument.content(row, bytes));
  }

  private Optional<ApplicationDocument> find(long applicationId, DocumentType type) {
    return em.createNamedQuery(ApplicationDocument.ONE, ApplicationDocument.class)
        .setParameter("applicationId", applicationId)
        .setParameter("type", type)
        .getResultStream()
        .findFirst();
  }

  /** A file just stored. */
  public record Stored(DocumentInfo info, boolean replaced) {}
}
