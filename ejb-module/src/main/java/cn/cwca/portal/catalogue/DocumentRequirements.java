package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.BusinessException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which documents an application must or may carry, from the {@link DocumentRequirement} rows
 * (configuration per user type and service type).
 */
public final class DocumentRequirements {

  private final List<DocumentRequirement> rows;

  public DocumentRequirements(Collection<DocumentRequirement> rows) {
    this.rows = rows.stream().filter(r -> !r.isRetired()).toList();
  }

  /** The documents asked for (required or optional), in display order. */
  public List<DocumentType> asked(AccountType userType, ServiceType serviceType) {
    return rowsFor(userType, serviceType).stream()
        .map(DocumentRequirement::getDocumentType)
        .toList();
  }

  /** The required documents, in display order. */
  public List<DocumentType> required(AccountType userType, ServiceType serviceType) {
    return rowsFor(userType, serviceType).stream()
        .filter(DocumentRequirement::isRequired)
        .map(DocumentRequirement::getDocumentType)
        .toList();
  }

  public boolean isAsked(AccountType userType, ServiceType serviceType, DocumentType type) {
    return asked(userType, serviceType).contains(type);
  }

  public boolean isRequired(AccountType userType, ServiceType serviceType, DocumentType type) {
    return required(userType, serviceType).contains(type);
  }

  /** The required documents not among {@code uploaded}, in display order. */
  public List<DocumentType> missing(
      AccountType userType, ServiceType serviceType, Set<DocumentType> uploaded) {
    return required(userType, serviceType).stream().filter(t -> !uploaded.contains(t)).toList();
  }

  /**
   * Refuses an incomplete set of documents, naming every missing one by its 《title》.
   *
   * @throws BusinessException {@code application.document.missing} with the missing titles joined
   *     by 、
   */
  public void checkComplete(
      AccountType userType, ServiceType serviceType, Set<DocumentType> uploaded) {
    checkComplete(userType, serviceType, uploaded, DocumentTitles::of);
  }

  /** The same, naming the missing documents with {@code title} (tests give other titles). */
  void checkComplete(
      AccountType userType,
      ServiceType serviceType,
      Set<DocumentType> uploaded,
      Function<DocumentType, String> title) {
    List<DocumentType> missing = missing(userType, serviceType, uploaded);
    if (!missing.isEmpty()) {
      throw new BusinessException(
          "application.document.missing",
          missing.stream().map(title).collect(Collectors.joining("、")));
    }
  }

  private List<DocumentRequirement> rowsFor(AccountType userType, ServiceType serviceType) {
    return rows.stream()
        .filter(r -> r.getUserType() == userType && r.getServiceType() == serviceType)
        .sorted(Comparator.comparing(DocumentRequirement::getDocumentType))
        .toList();
  }
}
