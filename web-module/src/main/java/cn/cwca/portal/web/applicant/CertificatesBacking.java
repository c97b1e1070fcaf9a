package cn.cwca.portal.web.applicant;

import cn.cwca.portal.certificate.CertificateService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * /applicant/certificates.xhtml: 我的证书, the certificates the CA issued to the caller with their
 * status, each downloadable ({@link CertificateServlet}).
 */
@Named
@RequestScoped
public class CertificatesBacking {

  @Inject private CertificateService certificates;

  private List<CertificateRow> rows;

  @PostConstruct
  void load() {
    Instant now = Clock.systemUTC().instant();
    rows = certificates.ownCertificates().stream().map(r -> CertificateRow.of(r, now)).toList();
  }

  public List<CertificateRow> getRows() {
    return rows;
  }

  /** The download address of a row's certificate, relative to the page. */
  public String downloadPath(CertificateRow row) {
    return CertificateServlet.PATH.substring("/applicant/".length())
        + "?serial="
        + row.getSerialHex();
  }
}
