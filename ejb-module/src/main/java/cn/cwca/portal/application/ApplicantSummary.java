package cn.cwca.portal.application;

import cn.cwca.portal.account.AccountType;
import java.io.Serializable;

/**
 * Step 2 (用户信息确认): the applicant's data from the personal centre that the certificate will carry.
 *
 * @param name 姓名 or 机构名称
 * @param loginName 证件号码 or 统一社会信用代码
 * @param legalRepresentative 法定代表人 of an organisation, {@code null} for a person
 * @param divisionCode 所在行政区 (GB/T 2260), the 地址 of the confirmation step
 */
public record ApplicantSummary(
    AccountType userType,
    String name,
    String loginName,
    String mobile,
    String legalRepresentative,
    String divisionCode)
    implements Serializable {}
