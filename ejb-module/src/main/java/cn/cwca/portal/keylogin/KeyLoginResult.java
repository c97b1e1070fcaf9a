package cn.cwca.portal.keylogin;

import cn.cwca.portal.account.Account;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a login's key step: the account logged in, or the message key of the refusal. A
 * refusal is an outcome, not an exception, so that its audit entry commits.
 */
public final class KeyLoginResult {

  private final Account account;
  private final String refusal;

  private KeyLoginResult(Account account, String refusal) {
    this.account = account;
    this.refusal = refusal;
  }

  public static KeyLoginResult loggedIn(Account account) {
    return new KeyLoginResult(Objects.requireNonNull(account), null);
  }

  public static KeyLoginResult refused(String messageKey) {
    return new KeyLoginResult(null, Objects.requireNonNull(messageKey));
  }

  /** The account, when the key proved the login. */
  public Optional<Account> account() {
    return Optional.ofNullable(account);
  }

  /** The message key of the refusal ({@code keyLogin.*}), when refused. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }
}
