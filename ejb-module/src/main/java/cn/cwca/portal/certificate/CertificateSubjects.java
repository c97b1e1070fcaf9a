package cn.cwca.portal.certificate;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.Subject;

/**
 * The CA's {@link Subject} of a certificate: from an approved order's {@link ApprovedSubject} (制证
 * of an order), or from an account's verified data as they are now (which is the same subject
 * before the approval). Organisation: name and USCC; person: name and identity document; the
 * province and city when the account's division names them; the country is always CN.
 */
public final class CertificateSubjects {

  private CertificateSubjects() {}

  /**
   * The subject the certificate of an approved order carries ({@code
   * CertificateApplication.getApprovedSubject()}).
   *
   * @throws IllegalArgumentException when the values cannot be encoded in a certificate (see {@link
   *     Subject})
   */
  public static Subject of(ApprovedSubject approved) {
    Subject subject =
        switch (approved.codeType()) {
          case USCC -> Subject.organisation(approved.name(), approved.code());
          case PASSPORT ->
              Subject.person(approved.name(), IdentityDocumentType.PASSPORT, approved.code());
          case RESIDENT_ID ->
              Subject.person(
                  approved.name(), IdentityDocumentType.RESIDENT_ID_CARD, approved.code());
        };
    return approved.province() == null
        ? subject
        : subject.withLocation(approved.province(), approved.city());
  }

  /** The subject of the account's verified data as they are now. */
  public static Subject of(Account account) {
    return of(ApprovedSubject.of(account));
  }
}
