package cn.cwca.portal.payment.wechat;

import com.wechat.pay.java.core.http.HostName;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends the SDK's requests, whose addresses are fixed to {@code https://api.mch.weixin.qq.com}, to
 * another base URL: scheme, host and port are replaced and the base URL's path, if any, is put in
 * front of the API path. The request was signed before (the signature covers the API path as WeChat
 * Pay sees it), so a proxy behind a path prefix must strip that prefix.
 */
final class ApiBaseUrlInterceptor implements Interceptor {

  private final HttpUrl base;
  private final String pathPrefix;

  ApiBaseUrlInterceptor(HttpUrl base) {
    this.base = base;
    String path = base.encodedPath();
    this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!url.host().equals(HostName.API.getValue())) {
      return chain.proceed(request);
    }
    HttpUrl rewritten =
        url.newBuilder()
            .scheme(base.scheme())
            .host(base.host())
            .port(base.port())
            .encodedPath(pathPrefix + url.encodedPath())
            .build();
    return chain.proceed(request.newBuilder().url(rewritten).build());
  }
}
