package cn.cwca.portal.payment;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A notification as it reached the portal, not yet verified.
 *
 * @param headers the HTTP headers, names in lower case (WeChat signs with {@code
 *     wechatpay-signature}, {@code wechatpay-timestamp}, {@code wechatpay-nonce}, {@code
 *     wechatpay-serial})
 * @param body the raw body, exactly as received (WeChat's JSON; Alipay's form, URL-encoded)
 * @param parameters the form parameters, decoded (Alipay); empty for a JSON body
 */
public record IncomingNotification(
    Map<String, String> headers, String body, Map<String, String> parameters) {

  public IncomingNotification {
    headers =
        headers == null
            ? Map.of()
            : headers.entrySet().stream()
                .collect(
                    Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT),
                        Map.Entry::getValue,
                        (a, b) -> a));
    body = body == null ? "" : body;
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A header by name, whatever its case; {@code null} when absent. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
