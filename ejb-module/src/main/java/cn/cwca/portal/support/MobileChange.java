package cn.cwca.portal.support;

import java.io.Serializable;

/**
 * 更换绑定手机号 by the staff, for an applicant who lost the bound number.
 *
 * @param accountId the applicant's account
 * @param version the version of the account the page showed
 * @param identityChecked 已核实身份: the staff checked the identity of the person asking
 */
public record MobileChange(
    long accountId, long version, String newMobile, boolean identityChecked, String reason)
    implements Serializable {}
