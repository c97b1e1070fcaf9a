package cn.cwca.portal.certificate;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the CRLs fresh when nobody revokes anything: every hour the CRL of each issuing CA whose
 * key the CA holds (the current one and earlier ones) is signed again if it is older than half its
 * validity (RFC 5280: a CRL is issued before its nextUpdate). A non-persistent timer on each server
 * of a cluster: they may sign the same content twice, under distinct CRL numbers from one sequence.
 */
@Singleton
public class CrlSchedule {

  private static final Logger LOG = Logger.getLogger(CrlSchedule.class.getName());

  @EJB CertificateService certificates;

  @Schedule(hour = "*", minute = "7", persistent = false)
  void refresh() {
    try {
      certificates.refreshCrls();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The CRLs could not be signed again; the next hour tries again", e);
    }
  }
}
