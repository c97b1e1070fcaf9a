package cn.cwca.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the invoices has its Chinese message, every buyer kind its label. */
class InvoiceMessagesTest {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("cn.cwca.portal.messages", Locale.SIMPLIFIED_CHINESE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invoice.alreadyIssued",
        "invoice.notNeeded",
        "invoice.orderCancelled",
        "invoice.orderNotPaid",
        "invoice.buyerMissing",
        "invoice.issue.exists",
        "invoice.notIssued",
        "invoice.number.used",
        "invoice.concurrentEdit",
        "invoice.file.missing",
        "invoice.file.tooLarge",
        "invoice.file.unsupported",
        "application.notFound",
        "validation.required",
        "role.FINANCE"
      })
  void eachRefusalHasItsChineseMessage(String key) {
    assertTrue(BUNDLE.containsKey(key), key);
    assertTrue(BUNDLE.getString(key).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF));
  }

  @ParameterizedTest
  @EnumSource(BuyerKind.class)
  void eachBuyerKindHasItsLabel(BuyerKind kind) {
    assertTrue(BUNDLE.containsKey(kind.labelKey()), kind.labelKey());
  }
}
