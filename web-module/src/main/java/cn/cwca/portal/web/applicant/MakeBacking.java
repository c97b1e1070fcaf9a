package cn.cwca.portal.web.applicant;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.MadeCertificate;
import cn.cwca.portal.issuance.SelfServiceView;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.PublicOrigin;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * /applicant/make.xhtml: 制证 (自助, user manual 4.2) of an approved 更新 or 变更 order with the key the
 * applicant holds. The page reads the key (识别KEY), has the key prove that it holds the old
 * certificate's private key, makes a key pair on it, and sends the request here; the certificate
 * comes back to be written onto the key, and once it is there the order is 已完成.
 */
@Named
@ViewScoped
public class MakeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the page stands. */
  public enum Stage {
    /** Approved: 制证 may start. */
    READY,
    /** Made: the certificate waits to be written onto the key (again). */
    MADE,
    /** On the key: the order is 已完成. */
    DONE,
    /** Not an order of the caller that is made by the applicant, or not approved. */
    NOT_MAKEABLE
  }

  @Inject private IssuanceService issuance;

  @Inject private CurrentCaller caller;

  @Inject private HttpServletRequest request;

  private String id;
  private SelfServiceView view;
  private Stage stage = Stage.NOT_MAKEABLE;
  private String keyCertificate;

  /** The page's {@code f:viewAction}. */
  public void open() {
    try {
      view = issuance.selfService(id);
      stage =
          switch (view.status()) {
            case APPROVED -> Stage.READY;
            case CERTIFICATE_MADE -> Stage.MADE;
            case COMPLETED -> Stage.DONE;
            default -> Stage.NOT_MAKEABLE;
          };
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      stage = Stage.NOT_MAKEABLE;
    }
  }

  /**
   * The page's request (remote command, parameters {@code csr}, {@code algorithm}, {@code
   * signature}): issues the certificate and hands it back to the page as the callback parameter
   * {@code made} (JSON: certificate, chain) for the agent to write.
   */
  public void make() {
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    try {
      MadeCertificate made =
          issuance.makeSelfService(
              id,
              p.get("csr"),
              view.nonce() == null
                  ? null
                  : new KeyProof(view.nonce(), p.get("algorithm"), p.get("signature")),
              PublicOrigin.of(request),
              caller.clientInfo());
      stage = Stage.MADE;
      PrimeFaces.current().ajax().addCallbackParam("made", json(made));
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      view = issuance.selfService(id);
    }
  }

  /** The certificate is on the key (remote command after the agent wrote it): 已完成. */
  public void confirm() {
    try {
      issuance.confirmOnKey(id, caller.clientInfo());
      stage = Stage.DONE;
      FacesMessages.addInfoLabel("make.done");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  /** The certificate made before, as JSON for the page to write again; empty before. */
  public String getMadeJson() {
    return view == null || view.made() == null ? "" : json(view.made());
  }

  private static String json(MadeCertificate made) {
    JsonArrayBuilder chain = Json.createArrayBuilder();
    made.chainBase64().forEach(chain::add);
    return Json.createObjectBuilder()
        .add("serial", made.serialHex())
        .add("certificate", made.certificateBase64())
        .add("chain", chain)
        .build()
        .toString();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public SelfServiceView getView() {
    return view;
  }

  public Stage getStage() {
    return stage;
  }

  /** What 识别KEY chose (the page reads the key; the portal needs only the serial it proves). */
  public String getKeyCertificate() {
    return keyCertificate;
  }

  public void setKeyCertificate(String keyCertificate) {
    this.keyCertificate = keyCertificate;
  }
}
