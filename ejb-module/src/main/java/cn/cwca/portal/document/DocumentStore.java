package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of the applications, one current file per application and document type, kept in
 * PostgreSQL. It knows applications only by their internal id: who may read or change them is the
 * application's service to decide, which calls this inside its own transaction.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DocumentStore {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /**
   * Puts a checked file in place, replacing the current file of that type.
   *
   * @return the stored file, and whether it replaced one
   */
  public Stored put(
      long applicationId,
      DocumentType type,
      String fileName,
      DocumentFormat format,
      byte[] content,
      LocalDateTime now) {
    Optional<ApplicationDocument> current = find(applicationId, type);
    ApplicationDocument document;
    if (current.isPresent()) {
      document = current.get();
      document.replace(fileName, format, content, now);
    } else {
      document = new ApplicationDocument(applicationId, type, fileName, format, content, now);
      em.persist(document);
    }
    return new Stored(document.info(), current.isPresent());
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

  /** One file with its bytes. */
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
        .map(ApplicationDocument::content);
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
