package cn.cwca.portal.web.operator;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.shipping.CounterOrder;
import cn.cwca.portal.shipping.ShippingService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.StaffListModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * /operator/counter.xhtml: 自取 at the counter. The operator finds the order waiting (未领取) by 申请ID or
 * by the 取证人's ID number, compares the person with the 取证人 the applicant entered (the ID number is
 * shown masked), types the name and ID number from the person's ID card and, after a confirmation,
 * records the hand-over (确认交付), which the service refuses when they differ. Below, the 自取 orders
 * whose key is made are put out at the counter (待领取).
 */
@Named
@ViewScoped
public class CounterBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ShippingService service;

  @Inject private CurrentCaller caller;

  private String query;
  private boolean searched;
  private List<CounterOrder> found = List.of();

  private CounterOrder selected;
  private String cardName;
  private String cardIdNumber;

  private LazyDataModel<CounterOrder> toPutOut;
  private CounterOrder puttingOut;

  @PostConstruct
  void load() {
    toPutOut =
        new StaffListModel<>(
            (first, size) -> service.toPutOut(first, size), CounterOrder::publicId);
  }

  // ===== 现场领取 =====

  /** 查询: the orders waiting at the counter for the 申请ID or ID number; one found is selected. */
  public void search() {
    found = service.atCounter(query);
    searched = true;
    select(found.size() == 1 ? found.get(0) : null);
  }

  /** 办理交付 of a search result: the order the hand-over is about. */
  public void select(CounterOrder row) {
    selected = row;
    cardName = null;
    cardIdNumber = null;
  }

  /** 确认交付, after the confirmation: hands the key over when the ID card names the 取证人. */
  public void handOver() {
    if (selected == null) {
      return;
    }
    try {
      service.handOver(selected.publicId(), cardName, cardIdNumber, caller.clientInfo());
      FacesMessages.addInfoLabel("counter.handOver.done", selected.publicId());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    found = found.stream().filter(o -> !o.publicId().equals(selected.publicId())).toList();
    select(null);
  }

  // ===== 待领取 =====

  /** 待领取 of a row: the order to put out, for the confirmation. */
  public void startPutOut(CounterOrder row) {
    puttingOut = row;
  }

  /** 确认待领取: the key waits at the counter (未领取) and the applicant is told where. */
  public void readyForPickup() {
    if (puttingOut == null) {
      return;
    }
    try {
      CounterOrder done = service.readyForPickup(puttingOut.publicId(), caller.clientInfo());
      FacesMessages.addInfoLabel("counter.ready.done", done.publicId(), done.handlingPointName());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    puttingOut = null;
  }

  // ===== the page =====

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  /** Whether a search was made (its empty result is then said). */
  public boolean isSearched() {
    return searched;
  }

  /** The orders the last search found. */
  public List<CounterOrder> getFound() {
    return found;
  }

  /** The order of the hand-over form. */
  public CounterOrder getSelected() {
    return selected;
  }

  public String getCardName() {
    return cardName;
  }

  public void setCardName(String cardName) {
    this.cardName = cardName;
  }

  public String getCardIdNumber() {
    return cardIdNumber;
  }

  public void setCardIdNumber(String cardIdNumber) {
    this.cardIdNumber = cardIdNumber;
  }

  /** 待领取: the 自取 orders whose key is made, oldest first. */
  public LazyDataModel<CounterOrder> getToPutOut() {
    return toPutOut;
  }

  /** The order of the 待领取 confirmation. */
  public CounterOrder getPuttingOut() {
    return puttingOut;
  }
}
