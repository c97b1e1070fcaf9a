package cn.cwca.portal.web.applicant;

import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * /applicant/key.xhtml: 我的KEY (识别KEY). The page's {@code portal:keyReader} reads the certificates
 * on the applicant's USB key through the KEY控件 in the browser; the chosen one arrives here as
 * base64 DER and is shown with its validity and whether it is in the renewal window.
 */
@Named
@ViewScoped
public class KeyBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(KeyBacking.class.getName());

  private String certificate;
  private KeyCertificate chosen;

  /** Called by the component once the applicant chose a certificate. */
  public void certificateChosen() {
    chosen = null;
    try {
      chosen = KeyCertificate.parse(certificate, Instant.now());
    } catch (IllegalArgumentException unreadable) {
      LOG.info(() -> "A certificate from the key could not be read: " + unreadable.getMessage());
      FacesMessages.addErrorLabel("key.unreadable");
    }
  }

  /** The chosen certificate, base64 DER (the component's hidden input). */
  public String getCertificate() {
    return certificate;
  }

  public void setCertificate(String certificate) {
    this.certificate = certificate;
  }

  /** The chosen certificate read, {@code null} before a choice. */
  public KeyCertificate getChosen() {
    return chosen;
  }
}
