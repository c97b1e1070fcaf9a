package cn.cwca.portal.web.review;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.Catalogue;
import cn.cwca.portal.catalogue.HandlingPoint;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.review.ReviewQueueFilter;
import cn.cwca.portal.review.ReviewQueueRow;
import cn.cwca.portal.review.ReviewService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * /review/queue.xhtml: the reviewers' queue (待审核 and 待复核), oldest submission first, with its
 * filters (业务类型, 用户类型, 办理点, 申请时间, the applicant's name or code); 领取 claims an order and opens its
 * review, 查看 opens it (read-only unless the caller holds it).
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The review page of an order. */
  static final String ORDER_PAGE = "/review/order.xhtml?faces-redirect=true&id=";

  @Inject private ReviewService reviews;

  @Inject private Catalogue catalogue;

  @Inject private CurrentCaller caller;

  private ReviewQueueModel rows;
  private List<HandlingPoint> handlingPoints;

  private ServiceType serviceType;
  private AccountType userType;
  private String handlingPointCode;
  private LocalDate submittedFrom;
  private LocalDate submittedTo;
  private String applicant;

  @PostConstruct
  void load() {
    rows = new ReviewQueueModel(reviews);
    handlingPoints = catalogue.handlingPoints();
  }

  /** 查询: the queue with the filters as set. */
  public void search() {
    if (submittedFrom != null && submittedTo != null && submittedTo.isBefore(submittedFrom)) {
      FacesMessages.addErrorLabel("review.queue.dateRange");
      return;
    }
    rows.filter(
        new ReviewQueueFilter(
            serviceType, userType, handlingPointCode, submittedFrom, submittedTo, applicant));
  }

  /** 重置: the whole queue. */
  public void reset() {
    serviceType = null;
    userType = null;
    handlingPointCode = null;
    submittedFrom = null;
    submittedTo = null;
    applicant = null;
    rows.filter(ReviewQueueFilter.NONE);
  }

  /** 领取 of a row: the caller claims the order and goes on to its review. */
  public String claim(ReviewQueueRow row) {
    try {
      reviews.claim(row.publicId(), caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    return ORDER_PAGE + row.publicId();
  }

  public LazyDataModel<ReviewQueueRow> getRows() {
    return rows;
  }

  /** 共 N 条 of the grid: the number, or "1000+" beyond what the queue counts. */
  public String getTotal() {
    return rows.total();
  }

  /** 业务类型 choices. */
  public ServiceType[] getServiceTypes() {
    return ServiceType.values();
  }

  /** 用户类型 choices. */
  public AccountType[] getUserTypes() {
    return new AccountType[] {AccountType.NATURAL_PERSON, AccountType.ORGANISATION};
  }

  /** 办理点 choices. */
  public List<HandlingPoint> getHandlingPoints() {
    return handlingPoints;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public AccountType getUserType() {
    return userType;
  }

  public void setUserType(AccountType userType) {
    this.userType = userType;
  }

  public String getHandlingPointCode() {
    return handlingPointCode;
  }

  public void setHandlingPointCode(String handlingPointCode) {
    this.handlingPointCode = handlingPointCode;
  }

  public LocalDate getSubmittedFrom() {
    return submittedFrom;
  }

  public void setSubmittedFrom(LocalDate submittedFrom) {
    this.submittedFrom = submittedFrom;
  }

  public LocalDate getSubmittedTo() {
    return submittedTo;
  }

  public void setSubmittedTo(LocalDate submittedTo) {
    this.submittedTo = submittedTo;
  }

  public String getApplicant() {
    return applicant;
  }

  public void setApplicant(String applicant) {
    this.applicant = applicant;
  }
}
