package cn.cwca.portal.web.operator;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.shipping.ShippableOrder;
import cn.cwca.portal.shipping.ShippedOrder;
import cn.cwca.portal.shipping.ShippingService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.StaffListModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/**
 * /operator/shipping.xhtml: 邮寄-收方付. 待发货 lists the orders whose certificate is made with the 收货人 to
 * write on the waybill; 发货 records the 顺丰速运 waybill the key left with. 已发货 lists the keys with the
 * courier; 重新发货 ships a lost parcel again with a new waybill and the reason, after a confirmation.
 */
@Named
@ViewScoped
public class ShippingBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ShippingService service;

  @Inject private CurrentCaller caller;

  private LazyDataModel<ShippableOrder> toShip;
  private LazyDataModel<ShippedOrder> shipped;

  private ShippableOrder shipping;
  private String waybill;

  private ShippedOrder reshipping;
  private String newWaybill;
  private String reason;

  @PostConstruct
  void load() {
    toShip =
        new StaffListModel<>(
            (first, size) -> service.toShip(first, size), ShippableOrder::publicId);
    shipped =
        new StaffListModel<>((first, size) -> service.shipped(first, size), ShippedOrder::publicId);
  }

  // ===== 发货 =====

  /** 发货 of a 待发货 row: opens the dialog for its order. */
  public void startShip(ShippableOrder row) {
    shipping = row;
    waybill = null;
  }

  /** 确认发货: records the waybill of the dialog's order. */
  public void ship() {
    if (shipping == null) {
      return;
    }
    try {
      ShippedOrder done = service.ship(shipping.publicId(), waybill, caller.clientInfo());
      FacesMessages.addInfoLabel("shipping.ship.done", done.publicId(), done.waybillNumber());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    startShip(null);
  }

  // ===== 重新发货 =====

  /** 重新发货 of an 已发货 row: opens the dialog for its order. */
  public void startReship(ShippedOrder row) {
    reshipping = row;
    newWaybill = null;
    reason = null;
  }

  /** 确认重新发货, after the confirmation: supersedes the lost waybill with the new one. */
  public void reship() {
    if (reshipping == null) {
      return;
    }
    try {
      ShippedOrder done =
          service.reship(reshipping.publicId(), newWaybill, reason, caller.clientInfo());
      FacesMessages.addInfoLabel(
          "shipping.reship.done",
          done.publicId(),
          reshipping.waybillNumber(),
          done.waybillNumber());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    startReship(null);
  }

  // ===== the page =====

  /** 待发货, oldest submission first. */
  public LazyDataModel<ShippableOrder> getToShip() {
    return toShip;
  }

  /** 已发货, latest waybill first. */
  public LazyDataModel<ShippedOrder> getShipped() {
    return shipped;
  }

  /** The order of the 发货 dialog. */
  public ShippableOrder getShipping() {
    return shipping;
  }

  public String getWaybill() {
    return waybill;
  }

  public void setWaybill(String waybill) {
    this.waybill = waybill;
  }

  /** The order of the 重新发货 dialog. */
  public ShippedOrder getReshipping() {
    return reshipping;
  }

  public String getNewWaybill() {
    return newWaybill;
  }

  public void setNewWaybill(String newWaybill) {
    this.newWaybill = newWaybill;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
