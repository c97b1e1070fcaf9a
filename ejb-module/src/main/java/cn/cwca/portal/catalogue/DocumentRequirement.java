package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * Configuration: a document asked for from a user type for a service type, required or optional; a
 * document without a row, or with a retired one, is not asked for. Set by the administrators; see
 * {@link DocumentRequirements}.
 */
@Entity
@Table(name = "document_requirement")
@NamedQueries({
  @NamedQuery(
      name = DocumentRequirement.FOR,
      query =
          "SELECT r FROM DocumentRequirement r WHERE r.retired = false"
              + " AND r.userType = :userType AND r.serviceType = :serviceType"),
  @NamedQuery(
      name = DocumentRequirement.EVERY,
      query =
          "SELECT r FROM DocumentRequirement r"
              + " ORDER BY r.userType, r.serviceType, r.documentType")
})
public class DocumentRequirement implements Serializable {

  static final String FOR = "DocumentRequirement.for";

  /** Every row, retired ones too, for the administrators. */
  static final String EVERY = "DocumentRequirement.every";

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Version
  @Column(name = "version")
  private long version;

  @Column(name = "retired", nullable = false)
  private boolean retired;

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

  /** Retired: the document is not asked for. */
  public boolean isRetired() {
    return retired;
  }

  /** How the document is asked for now. */
  public DocumentAsk ask() {
    return retired
        ? DocumentAsk.NOT_ASKED
        : (required ? DocumentAsk.REQUIRED : DocumentAsk.OPTIONAL);
  }

  /** Asks for the document as said (checked by the caller). */
  void setAsk(DocumentAsk ask) {
    retired = ask == DocumentAsk.NOT_ASKED;
    if (!retired) {
      required = ask == DocumentAsk.REQUIRED;
    }
  }

  public long getVersion() {
    return version;
  }
}
