package cn.cwca.portal.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payment providers this portal is configured for, and the ways of paying it offers: every
 * configured QR-code provider, and 对公转账 when the CA's bank account is configured.
 */
@ApplicationScoped
public class PaymentProviders {

  @Inject @Any Instance<PaymentProvider> providers;

  /** The configured provider of a channel. */
  public Optional<PaymentProvider> configured(PaymentChannel channel) {
    for (PaymentProvider p : providers) {
      if (p.channel() == channel && p.isConfigured()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The ways of paying offered now, in display order (WeChat, Alipay, transfer, sandbox). */
  public List<PaymentChannel> offered() {
    List<PaymentChannel> channels = new ArrayList<>();
    for (PaymentChannel c : PaymentChannel.values()) {
      boolean available =
          c == PaymentChannel.BANK_TRANSFER
              ? BankTransferAccount.configured().isPresent()
              : configured(c).isPresent();
      if (available) {
        channels.add(c);
      }
    }
    return channels;
  }
}
