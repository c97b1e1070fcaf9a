package cn.cwca.portal.catalogue;

import cn.cwca.portal.account.AccountType;

/**
 * Whom a price is for: natural persons, organisations, or both. Labels: {@code
 * applicantScope.<NAME>}.
 */
public enum ApplicantScope {
  BOTH,
  NATURAL_PERSON,
  ORGANISATION;

  /** Whether a price of this scope applies to an applicant of the type. */
  public boolean covers(AccountType applicantType) {
    return this == BOTH || name().equals(applicantType.name());
  }
}
