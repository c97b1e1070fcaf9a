package cn.cwca.portal.web.admin;

import cn.cwca.portal.catalogue.CatalogueService;
import cn.cwca.portal.catalogue.HandlingPoint;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
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
 * /admin/catalogue-pickup.xhtml: 取KEY规则. Administrators offer a 取key方式 at a 办理点 for a service type
 * and key, and retire one after a confirmation.
 */
@Named
@ViewScoped
public class CataloguePickupBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogueService;

  @Inject private CurrentCaller caller;

  private List<PickupOption> options;
  private List<HandlingPoint> points;

  private ServiceType serviceType;
  private boolean furtherKey;
  private PickupMethod method;
  private String handlingPointCode;

  @PostConstruct
  void load() {
    options = catalogueService.pickupOptions();
    points = catalogueService.handlingPoints().stream().filter(p -> !p.isRetired()).toList();
  }

  /** 新增规则 of the form. */
  public void add() {
    try {
      catalogueService.addPickupOption(
          serviceType, furtherKey, method, handlingPointCode, caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.saved");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  /** 停用 (after the confirmation dialog). */
  public void retire(PickupOption option) {
    try {
      catalogueService.retirePickupOption(option.getId(), option.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.retired");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  public List<PickupOption> getOptions() {
    return options;
  }

  public List<HandlingPoint> getPoints() {
    return points;
  }

  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  public PickupMethod[] getMethods() {
    return PickupMethod.values();
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public boolean isFurtherKey() {
    return furtherKey;
  }

  public void setFurtherKey(boolean furtherKey) {
    this.furtherKey = furtherKey;
  }

  public PickupMethod getMethod() {
    return method;
  }

  public void setMethod(PickupMethod method) {
    this.method = method;
  }

  public String getHandlingPointCode() {
    return handlingPointCode;
  }

  public void setHandlingPointCode(String handlingPointCode) {
    this.handlingPointCode = handlingPointCode;
  }
}
