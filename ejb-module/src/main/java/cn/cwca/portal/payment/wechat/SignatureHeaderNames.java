package cn.cwca.portal.payment.wechat;

import java.io.IOException;
import java.util.List;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Gives the headers that sign an answer the spelling the SDK looks them up by ({@code
 * Wechatpay-Timestamp}, ...): the SDK compares header names case-sensitively, while HTTP does not,
 * and HTTP/2 or a proxy on the way may write them in lower case.
 */
final class SignatureHeaderNames implements Interceptor {

  private static final List<String> CANONICAL =
      List.of(
          "Wechatpay-Serial",
          "Wechatpay-Signature",
          "Wechatpay-Timestamp",
          "Wechatpay-Nonce",
          "Wechatpay-Signature-Type",
          "Request-ID");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Headers headers = response.headers();
    Headers.Builder canonical = new Headers.Builder();
    for (int i = 0; i < headers.size(); i++) {
      // As leniently as OkHttp read them: an unrelated header with odd characters is no failure.
      canonical.addUnsafeNonAscii(canonicalName(headers.name(i)), headers.value(i));
    }
    return response.newBuilder().headers(canonical.build()).build();
  }

  private static String canonicalName(String name) {
    return CANONICAL.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
  }
}
