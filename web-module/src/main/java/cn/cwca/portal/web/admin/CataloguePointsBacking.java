package cn.cwca.portal.web.admin;

import cn.cwca.portal.catalogue.CatalogueService;
import cn.cwca.portal.catalogue.HandlingPoint;
import cn.cwca.portal.catalogue.HandlingPointDetails;
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
 * /admin/catalogue-points.xhtml: 办理点维护. Administrators add 办理点, change their details, and retire or
 * reinstate them after a confirmation. The dialog edits a new point (no code yet) or the point the
 * table showed, at the version it showed.
 */
@Named
@ViewScoped
public class CataloguePointsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogueService;

  @Inject private CurrentCaller caller;

  private List<HandlingPoint> points;

  /** The point the dialog edits, {@code null} for a new one, and the version the table showed. */
  private String editedCode;

  private long editedVersion;

  private String code;
  private String name;
  private String address;
  private String hours;
  private String phone;
  private boolean ships;
  private boolean handsOver;

  @PostConstruct
  void load() {
    points = catalogueService.handlingPoints();
  }

  /** 新增办理点: the dialog, empty. */
  public void startNew() {
    editedCode = null;
    code = null;
    fill(new HandlingPointDetails(null, null, null, null, true, true));
  }

  /** 修改: the dialog with the point as the table showed it. */
  public void startEdit(HandlingPoint point) {
    editedCode = point.getCode();
    editedVersion = point.getVersion();
    code = point.getCode();
    fill(point.details());
  }

  /** 保存 of the dialog. */
  public void save() {
    HandlingPointDetails details =
        new HandlingPointDetails(name, address, hours, phone, ships, handsOver);
    try {
      if (editedCode == null) {
        catalogueService.addHandlingPoint(code, details, caller.clientInfo());
      } else {
        catalogueService.changeHandlingPoint(
            editedCode, editedVersion, details, caller.clientInfo());
      }
      FacesMessages.addInfoLabel("catalogue.saved");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  /** 停用 (after the confirmation dialog). */
  public void retire(HandlingPoint point) {
    try {
      catalogueService.retireHandlingPoint(
          point.getCode(), point.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.retired");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** 启用 (after the confirmation dialog). */
  public void reinstate(HandlingPoint point) {
    try {
      catalogueService.reinstateHandlingPoint(
          point.getCode(), point.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.reinstated");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  private void fill(HandlingPointDetails d) {
    name = d.name();
    address = d.address();
    hours = d.hours();
    phone = d.phone();
    ships = d.ships();
    handsOver = d.handsOver();
  }

  public boolean isNew() {
    return editedCode == null;
  }

  public List<HandlingPoint> getPoints() {
    return points;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getHours() {
    return hours;
  }

  public void setHours(String hours) {
    this.hours = hours;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public boolean isShips() {
    return ships;
  }

  public void setShips(boolean ships) {
    this.ships = ships;
  }

  public boolean isHandsOver() {
    return handsOver;
  }

  public void setHandsOver(boolean handsOver) {
    this.handsOver = handsOver;
  }
}
