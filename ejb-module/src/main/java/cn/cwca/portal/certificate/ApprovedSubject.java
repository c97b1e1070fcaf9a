package cn.cwca.portal.certificate;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.rules.AdministrativeDivisions;
import java.io.Serializable;
import java.util.Objects;

/**
 * The subject a certificate of an order carries, as the reviewer saw and approved it: the account's
 * verified data at that moment (审核通过), kept with the order so that a later edit in 个人中心 never
 * changes it. {@link CertificateSubjects#of(ApprovedSubject)} makes the CA's subject of it; the
 * review pages show the same fields before the approval ({@link #of(Account)}).
 *
 * @param name 姓名 or 机构名称 (the certificate's CN, and O of an organisation)
 * @param codeType what {@code code} is
 * @param code the ID number or the unified social credit code (the certificate's serialNumber)
 * @param legalRepresentative 法定代表人 of an organisation ({@code null} for a person); not in the
 *     certificate, but reviewed with it
 * @param divisionCode the account's 所在行政区 (GB/T 2260), or {@code null}
 * @param province the province's name (ST), or {@code null} when the division is unknown
 * @param city the city's name (L), or {@code null} for a province-level city or an unknown one
 */
public record ApprovedSubject(
    String name,
    CodeType codeType,
    String code,
    String legalRepresentative,
    String divisionCode,
    String province,
    String city)
    implements Serializable {

  /** What identifies the subject; labels {@code subjectCodeType.<NAME>}. */
  public enum CodeType {
    /** 居民身份证号码 of a person. */
    RESIDENT_ID,
    /** 护照号码 of a person. */
    PASSPORT,
    /** 统一社会信用代码 of an organisation. */
    USCC;

    /** Label key in the messages bundle. */
    public String labelKey() {
      return "subjectCodeType." + name();
    }
  }

  public ApprovedSubject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(codeType, "codeType");
    Objects.requireNonNull(code, "code");
  }

  /** The subject as the account states it now. */
  public static ApprovedSubject of(Account account) {
    return of(
        account.getType(),
        account.getDisplayName(),
        account.getLoginName(),
        account.getIdType(),
        account.getLegalRepresentative(),
        account.getDivisionCode());
  }

  /**
   * The subject of an applicant's data: an organisation by its name and credit code, a person by
   * name and ID number (a passport where the account says so); the province and city named after
   * the division's first two and four digits.
   */
  public static ApprovedSubject of(
      AccountType type,
      String name,
      String loginName,
      IdType idType,
      String legalRepresentative,
      String divisionCode) {
    boolean organisation = type == AccountType.ORGANISATION;
    CodeType codeType =
        organisation
            ? CodeType.USCC
            : idType == IdType.PASSPORT ? CodeType.PASSPORT : CodeType.RESIDENT_ID;
    String province = null;
    String city = null;
    if (divisionCode != null && divisionCode.length() == 6) {
      AdministrativeDivisions divisions = AdministrativeDivisions.get();
      province =
          divisions
              .find(divisionCode.substring(0, 2) + "0000")
              .map(AdministrativeDivisions.Division::name)
              .orElse(null);
      city =
          divisions
              .find(divisionCode.substring(0, 4) + "00")
              .filter(d -> !divisionCode.substring(0, 4).endsWith("00"))
              .map(AdministrativeDivisions.Division::name)
              .orElse(null);
      if (province == null) {
        city = null;
      }
    }
    return new ApprovedSubject(
        name,
        codeType,
        loginName,
        organisation ? legalRepresentative : null,
        divisionCode,
        province,
        city);
  }

  /** An organisation (its code is a USCC). */
  public boolean isOrganisation() {
    return codeType == CodeType.USCC;
  }
}
