package cn.cwca.portal.support;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.MaskedIdentifier;
import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One applicant in the list of 查找申请人, as a list shows them: the ID number of a person and the
 * mobile number masked ({@link MaskedIdentifier}), an organisation's credit code in full (it is
 * public); the detail page shows everything.
 *
 * @param id the account's id, which opens the detail page
 * @param shownLoginName the credit code, or the masked ID or passport number
 * @param registeredAt UTC
 */
public record ApplicantRow(
    long id,
    AccountType type,
    String displayName,
    String shownLoginName,
    String maskedMobile,
    LocalDateTime registeredAt)
    implements Serializable {

  static ApplicantRow of(Account a) {
    return new ApplicantRow(
        a.getId(),
        a.getType(),
        a.getDisplayName(),
        a.getType() == AccountType.ORGANISATION
            ? a.getLoginName()
            : MaskedIdentifier.of(a.getLoginName()),
        MaskedIdentifier.of(a.getMobile()),
        a.getCreatedAt());
  }
}
