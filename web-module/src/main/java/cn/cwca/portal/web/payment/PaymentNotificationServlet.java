package cn.cwca.portal.web.payment;

import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.payment.IncomingNotification;
import cn.cwca.portal.payment.NotificationAnswer;
import cn.cwca.portal.payment.PaymentChannel;
import cn.cwca.portal.payment.PaymentNotifications;
import cn.cwca.portal.web.security.ClientAddresses;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the payment providers send their notifications: {@code /payment/notify/wechat}, {@code
 * /alipay}, {@code /sandbox}. Public and without a session: nothing in a notification is trusted
 * until its provider verified its signature. The raw body is kept as it came (WeChat signs its
 * bytes; Alipay's form is decoded here in the charset it names).
 */
@WebServlet(urlPatterns = "/payment/notify/*")
public class PaymentNotificationServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** A notification is a few kilobytes. */
  private static final int MAX_BODY = 64 * 1024;

  private static final Map<String, PaymentChannel> CHANNELS =
      Map.of(
          "/wechat", PaymentChannel.WECHAT,
          "/alipay", PaymentChannel.ALIPAY,
          "/sandbox", PaymentChannel.SANDBOX);

  @EJB private PaymentNotifications notifications;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PaymentChannel channel = CHANNELS.get(String.valueOf(request.getPathInfo()));
    if (channel == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] raw;
    try (InputStream in = request.getInputStream()) {
      raw = in.readNBytes(MAX_BODY + 1);
    }
    if (raw.length > MAX_BODY) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    Charset charset = charsetOf(request);
    String body = new String(raw, charset);
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    Map<String, String> form = isForm(request) ? formParameters(body, charset) : Map.of();
    NotificationAnswer answer =
        notifications.receive(
            channel,
            new IncomingNotification(headers, body, form),
            new ClientInfo(ClientAddresses.of(request)));
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    response.setHeader("Cache-Control", "no-store");
    if (answer.body() != null && !answer.body().isEmpty()) {
      response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  /** The form's fields; Alipay names its charset in the field {@code charset} too. */
  static Map<String, String> formParameters(String body, Charset charset) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.putIfAbsent(URLDecoder.decode(name, charset), URLDecoder.decode(value, charset));
    }
    return fields;
  }

  private static Charset charsetOf(HttpServletRequest request) {
    String name = request.getCharacterEncoding();
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
