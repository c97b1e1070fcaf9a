package cn.cwca.portal.payment;

import cn.cwca.portal.common.Settings;
import java.io.Serializable;
import java.util.Optional;

/**
 * The CA's bank account for 对公转账, shown to the payer with the payment's reference: system
 * properties {@code caportal.payment.bank.accountName}, {@code .bankName} and {@code
 * .accountNumber}; 对公转账 is offered only when all three are set.
 */
public record BankTransferAccount(String accountName, String bankName, String accountNumber)
    implements Serializable {

  static final String PREFIX = "caportal.payment.bank.";

  /** The configured account, if complete. */
  public static Optional<BankTransferAccount> configured() {
    Optional<String> name = Settings.value(PREFIX + "accountName");
    Optional<String> bank = Settings.value(PREFIX + "bankName");
    Optional<String> number = Settings.value(PREFIX + "accountNumber");
    if (name.isEmpty() || bank.isEmpty() || number.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BankTransferAccount(name.get(), bank.get(), number.get()));
  }
}
