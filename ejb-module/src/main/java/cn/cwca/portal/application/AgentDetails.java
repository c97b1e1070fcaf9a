package cn.cwca.portal.application;

import cn.cwca.portal.account.IdType;
import java.io.Serializable;

/**
 * 经办人: who handles the application for the applicant (经办人姓名, 经办人电话, 证件类型 and 证件号码), checked with
 * the account rules.
 */
public record AgentDetails(String name, String mobile, IdType idType, String idNumber)
    implements Serializable {}
