package cn.cwca.portal.support;

import java.io.Serializable;

/**
 * 账户移交: the verified owner of an organisation's credit code takes over the account registered with
 * it by someone else.
 *
 * @param accountId the organisation's account
 * @param version the version of the account the page showed
 * @param organisationName 机构名称 as the verified evidence (the business licence) names it
 * @param legalRepresentative 法定代表人 as the evidence names it
 * @param mobile the claimant's mobile number, bound to the account from now on
 * @param evidence the reference of the evidence checked (e.g. the licence's number, a file number)
 * @param identityChecked 已核实身份: the staff checked the claimant's identity and evidence
 */
public record CreditCodeTransfer(
    long accountId,
    long version,
    String organisationName,
    String legalRepresentative,
    String mobile,
    String evidence,
    String reason,
    boolean identityChecked)
    implements Serializable {}
