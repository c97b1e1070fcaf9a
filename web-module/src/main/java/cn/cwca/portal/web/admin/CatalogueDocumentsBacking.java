package cn.cwca.portal.web.admin;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.CatalogueService;
import cn.cwca.portal.catalogue.DocumentAsk;
import cn.cwca.portal.catalogue.DocumentRequirement;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /admin/catalogue-documents.xhtml: 资料要求. Administrators ask for each document of a user type and
 * service type as 必传, 选传 or not at all; the table lists every row as it stands.
 */
@Named
@ViewScoped
public class CatalogueDocumentsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogueService;

  @Inject private CurrentCaller caller;

  private List<DocumentRequirement> rows;

  private AccountType userType;
  private ServiceType serviceType;
  private DocumentType documentType;
  private DocumentAsk ask;

  @PostConstruct
  void load() {
    rows = catalogueService.documentRequirements();
  }

  /** 保存 of the form: names the version of the row the table showed (0 when it showed none). */
  public void save() {
    long version =
        rows.stream()
            .filter(
                r ->
                    r.getUserType() == userType
                        && r.getServiceType() == serviceType
                        && r.getDocumentType() == documentType)
            .mapToLong(DocumentRequirement::getVersion)
            .findFirst()
            .orElse(0);
    try {
      catalogueService.setDocumentAsk(
          userType, serviceType, documentType, ask, version, caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.saved");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  public List<DocumentRequirement> getRows() {
    return rows;
  }

  public List<AccountType> getUserTypes() {
    return List.of(AccountType.ORGANISATION, AccountType.NATURAL_PERSON);
  }

  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  public DocumentType[] getDocumentTypes() {
    return DocumentType.values();
  }

  public DocumentAsk[] getAsks() {
    return DocumentAsk.values();
  }

  public AccountType getUserType() {
    return userType;
  }

  public void setUserType(AccountType userType) {
    this.userType = userType;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public DocumentType getDocumentType() {
    return documentType;
  }

  public void setDocumentType(DocumentType documentType) {
    this.documentType = documentType;
  }

  public DocumentAsk getAsk() {
    return ask;
  }

  public void setAsk(DocumentAsk ask) {
    this.ask = ask;
  }
}
