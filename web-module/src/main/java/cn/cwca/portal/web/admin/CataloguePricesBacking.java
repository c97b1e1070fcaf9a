package cn.cwca.portal.web.admin;

import cn.cwca.portal.catalogue.ApplicantScope;
import cn.cwca.portal.catalogue.CatalogueService;
import cn.cwca.portal.catalogue.NewPrice;
import cn.cwca.portal.catalogue.PriceEntry;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BeijingDays;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * /admin/catalogue-prices.xhtml: 价格维护. Administrators set a price from a day on (a new row) and
 * retire rows after a confirmation; every row stays listed, retired ones marked.
 */
@Named
@ViewScoped
public class CataloguePricesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogueService;

  @Inject private CurrentCaller caller;

  private List<PriceEntry> prices;

  private ServiceType serviceType;
  private boolean furtherKey;
  private Integer years;
  private ApplicantScope applicantScope = ApplicantScope.BOTH;
  private LocalDate appliesFrom;
  private BigDecimal amount;
  private BigDecimal keyAmount;

  @PostConstruct
  void load() {
    prices = catalogueService.prices();
  }

  /** 新增价格: opens the dialog, from today (Beijing). */
  public void startNew() {
    serviceType = null;
    furtherKey = false;
    years = null;
    applicantScope = ApplicantScope.BOTH;
    appliesFrom = LocalDate.now(BeijingDays.ZONE);
    amount = null;
    keyAmount = null;
  }

  /** 保存 of the dialog. */
  public void add() {
    try {
      PriceEntry entry =
          catalogueService.addPrice(
              new NewPrice(
                  serviceType, furtherKey, years, applicantScope, appliesFrom, amount, keyAmount),
              caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.price.added", entry.getAppliesFrom());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  /** 停用 (after the confirmation dialog). */
  public void retire(PriceEntry entry) {
    try {
      catalogueService.retirePrice(entry.getId(), entry.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.retired");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  public List<PriceEntry> getPrices() {
    return prices;
  }

  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  public ApplicantScope[] getApplicantScopes() {
    return ApplicantScope.values();
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

  public Integer getYears() {
    return years;
  }

  public void setYears(Integer years) {
    this.years = years;
  }

  public ApplicantScope getApplicantScope() {
    return applicantScope;
  }

  public void setApplicantScope(ApplicantScope applicantScope) {
    this.applicantScope = applicantScope;
  }

  public LocalDate getAppliesFrom() {
    return appliesFrom;
  }

  public void setAppliesFrom(LocalDate appliesFrom) {
    this.appliesFrom = appliesFrom;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public BigDecimal getKeyAmount() {
    return keyAmount;
  }

  public void setKeyAmount(BigDecimal keyAmount) {
    this.keyAmount = keyAmount;
  }
}
