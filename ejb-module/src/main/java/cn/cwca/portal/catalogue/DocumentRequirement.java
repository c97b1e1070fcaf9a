package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Configuration: a document asked for from a user type for a service type, required or optional; a
 * document without a row is not asked for. See {@link DocumentRequirements}.
 */
@Entity
@Table(name = "document_requirement")
@NamedQuery(
    name = DocumentRequirement.FOR,
    query =
        "SELECT r FROM DocumentRequirement r"
            + " WHERE r.userType = :userType AND r.serviceType = :serviceType")
public class DocumentRequirement implements Serializable {

  static final String FOR = "DocumentRequirement.for";

  private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "id")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "user_type", nullable = false, length = 20)
  private AccountType userType;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", nullable = false, length = 30)
  private ServiceType serviceType;

  @Enumerated(EnumType.STRING)
  @Column(name = "document_type", nullable = false, length = 30)
  private DocumentType documentType;

  @Column(name = "required", nullable = false)
  private boolean required;

  protected DocumentRequirement() {}

  public DocumentRequirement(
      AccountType userType, ServiceType serviceType, DocumentType documentType, boolean required) {
    this.userType = Objects.requireNonNull(userType);
    this.serviceType = Objects.requireNonNull(serviceType);
    this.documentType = Objects.requireNonNull(documentType);
    this.required = required;
  }

  public AccountType getUserType() {
    return userType;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public DocumentType getDocumentType() {
    return documentType;
  }

  /** Required (submission refused without it) rather than optional. */
  public boolean isRequired() {
    return required;
  }
}
