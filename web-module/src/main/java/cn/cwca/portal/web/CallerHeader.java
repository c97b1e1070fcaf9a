package cn.cwca.portal.web;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.common.MaskedIdentifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who the page header says is logged in: the account's name and, for an applicant, the login name
 * (身份证号 or credit code) masked, as it is there only to be recognised, e.g. {@code 张三
 * 3715**********9886}. Staff see their name and user name.
 */
@Named
@RequestScoped
public class CallerHeader {

  @Inject private HttpServletRequest request;

  @Inject private AccountService accounts;

  private String text;

  public String getText() {
    if (text == null) {
      String login = request.getRemoteUser();
      Optional<Account> account = login == null ? Optional.empty() : accounts.find(login);
      text =
          login == null
              ? ""
              : text(
                  login,
                  account.map(Account::getDisplayName).orElse(null),
                  account.map(a -> a.getType() == AccountType.STAFF).orElse(false));
    }
    return text;
  }

  /** The header's text for a login name, the account's name (or null) and whether it is staff. */
  static String text(String login, String displayName, boolean staff) {
    String shownLogin = staff ? login : MaskedIdentifier.of(login);
    return displayName == null ? shownLogin : displayName + " " + shownLogin;
  }
}
