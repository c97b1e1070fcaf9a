package cn.cwca.portal.application;

import cn.cwca.portal.common.BusinessException;

/**
 * The rule of 变更 (user manual 4.1.3: 请在变更前到个人信息-个人中心里修改变更信息后再提交变更申请): the subject data of the
 * personal centre must differ from the certificate's, otherwise there is nothing to change. The
 * certificate names the subject in CN (and O for an organisation); the legal representative is not
 * in the certificate, so its change is known from when the personal centre last changed it
 * (Account.getLegalRepresentativeChangedAt) instead.
 */
final class SubjectChange {

  private SubjectChange() {}

  /**
   * Whether the applicant's data differ from the certificate's subject.
   *
   * @param certificateSubjectDn the certificate's subject (RFC 4514)
   * @param currentName 姓名 or 机构名称 in the personal centre now
   * @param legalRepresentativeChangedSinceIssue whether 法定代表人 was changed in the personal centre
   *     after the certificate was issued
   */
  static boolean differs(
      String certificateSubjectDn,
      String currentName,
      boolean legalRepresentativeChangedSinceIssue) {
    if (legalRepresentativeChangedSinceIssue) {
      return true;
    }
    String name = currentName == null ? "" : currentName.strip();
    var attributes = DistinguishedNames.attributes(certificateSubjectDn);
    String commonName = attributes.get(DistinguishedNames.COMMON_NAME);
    String organisation = attributes.get(DistinguishedNames.ORGANISATION);
    return (commonName != null && !commonName.equals(name))
        || (organisation != null && !organisation.equals(name));
  }

  /**
   * @throws BusinessException {@code application.change.sameSubject} (请先在个人中心更新信息) when nothing
   *     differs
   */
  static void check(
      String certificateSubjectDn,
      String currentName,
      boolean legalRepresentativeChangedSinceIssue) {
    if (!differs(certificateSubjectDn, currentName, legalRepresentativeChangedSinceIssue)) {
      throw new BusinessException("application.change.sameSubject");
    }
  }
}
