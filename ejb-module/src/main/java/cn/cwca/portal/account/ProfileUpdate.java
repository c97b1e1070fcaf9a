package cn.cwca.portal.account;

/**
 * What the personal centre may change: 姓名 or 机构名称, 联系电话 and, for an organisation, 法定代表人.
 *
 * @param legalRepresentative {@code null} for a natural person
 */
public record ProfileUpdate(String displayName, String mobile, String legalRepresentative)
    implements java.io.Serializable {

  /** What the personal centre shows of an account, the values an edit starts from. */
  public static ProfileUpdate of(Account account) {
    return new ProfileUpdate(
        account.getDisplayName(), account.getMobile(), account.getLegalRepresentative());
  }
}
