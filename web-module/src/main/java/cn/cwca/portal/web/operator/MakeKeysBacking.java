package cn.cwca.portal.web.operator;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.issuance.MadeCertificate;
import cn.cwca.portal.issuance.OfficeOrder;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * /operator/make.xhtml: office 制证 (操作员) of the approved 邮寄 and 自取 orders. The operator inserts a
 * new USB key at the office PC; the page sends the applicant a user PIN by SMS and hands it to the
 * key agent, which sets it on the key; the key makes its key pair, the certificate is issued and
 * written, and the key's serial is recorded on the order (自取 orders then wait at the counter).
 */
@Named
@ViewScoped
public class MakeKeysBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private IssuanceService issuance;

  @Inject private CurrentCaller caller;

  private List<OfficeOrder> orders;
  private OfficeOrder selected;

  @PostConstruct
  void load() {
    orders = issuance.officeQueue();
  }

  /** 制作KEY of a row: the order the key is made for. */
  public void select(OfficeOrder row) {
    selected = row;
  }

  /**
   * The page asks for the user PIN (remote command) just before the agent sets it on the key; it
   * goes back only as the callback parameter {@code pin}, never into the page's markup.
   */
  public void sendPin() {
    if (selected == null) {
      return;
    }
    try {
      PrimeFaces.current()
          .ajax()
          .addCallbackParam("pin", issuance.sendUserPin(selected.publicId(), caller.clientInfo()));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /**
   * The key made its key pair (remote command, parameters {@code csr} and {@code keySerial}): the
   * certificate is issued and goes back as the callback parameter {@code made}.
   */
  public void make() {
    if (selected == null) {
      return;
    }
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    try {
      MadeCertificate made =
          issuance.makeAtOffice(
              selected.publicId(), p.get("csr"), p.get("keySerial"), caller.clientInfo());
      JsonArrayBuilder chain = Json.createArrayBuilder();
      made.chainBase64().forEach(chain::add);
      PrimeFaces.current()
          .ajax()
          .addCallbackParam(
              "made",
              Json.createObjectBuilder()
                  .add("serial", made.serialHex())
                  .add("certificate", made.certificateBase64())
                  .add("chain", chain)
                  .build()
                  .toString());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** The certificate is on the key (after the agent wrote it): the list without the order. */
  public void written() {
    if (selected != null) {
      FacesMessages.addInfoLabel("officeMake.done", selected.publicId());
    }
    selected = null;
    load();
  }

  public List<OfficeOrder> getOrders() {
    return orders;
  }

  public OfficeOrder getSelected() {
    return selected;
  }
}
