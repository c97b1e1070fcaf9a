package cn.cwca.portal.support;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.certificate.CertificateRecord;
import java.io.Serializable;
import java.util.List;

/**
 * What the detail page of applicant support shows of one applicant: the account in full, whether
 * its login is locked, its orders, its certificates and the transfers of the account.
 *
 * @param recentFailures failed logins of its login name that count now (since the window's start or
 *     the last success)
 * @param lockedMinutes the minutes until the login unlocks by itself, or {@code null} when it is
 *     not locked
 * @param orders the submitted orders, newest first (at most {@link
 *     ApplicantSupportService#MAX_LISTED})
 * @param certificates every certificate, newest first
 * @param transfers the transfers of the account, newest first
 */
public record ApplicantDetail(
    Account account,
    int recentFailures,
    Long lockedMinutes,
    List<ApplicantOrder> orders,
    List<CertificateRecord> certificates,
    List<AccountTransfer> transfers)
    implements Serializable {

  public ApplicantDetail {
    orders = List.copyOf(orders);
    certificates = List.copyOf(certificates);
    transfers = List.copyOf(transfers);
  }

  /** Whether the login is locked now (too many failed logins of its login name). */
  public boolean locked() {
    return lockedMinutes != null;
  }
}
