package cn.cwca.portal.web.applicant;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * The certificate the applicant last read from the USB key (识别KEY), kept for the session. The
 * wizard saves each step and reopens from the draft, but the draft does not give the certificate
 * back (only its subject and validity), so going back to step 1 would otherwise mean reading the
 * key again. It is the applicant's own certificate, public data; the PIN never reaches the portal.
 */
@SessionScoped
public class KeyCertificateMemo implements Serializable {

  private static final long serialVersionUID = 1L;

  private String derBase64;

  /** The certificate last read, base64 DER; {@code null} when none was read in this session. */
  public String derBase64() {
    return derBase64;
  }

  public void remember(String certificate) {
    derBase64 = certificate;
  }
}
