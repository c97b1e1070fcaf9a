package cn.cwca.portal.web.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's content security policy. Scripts run only from the portal's origin, or inline with
 * the nonce of the page: PrimeFaces (context parameter {@code primefaces.CSP}) gives each page a
 * nonce, puts it on the scripts it writes, and moves every {@code on…} attribute into such a
 * script. Neither {@code 'unsafe-inline'} nor {@code 'unsafe-eval'} is allowed for scripts.
 *
 * <p>Styles keep {@code 'unsafe-inline'}: PrimeFaces renders {@code style} attributes (column
 * widths, hidden panels, progress), which no nonce can cover; a style cannot run code.
 *
 * <p>Every other source is the portal's origin, except that scripts may call the key agent on the
 * loopback address on whichever port it listens (see {@code
 * cn.cwca.portal.web.downloads.KeyAgentSettings}).
 */
public final class ContentSecurityPolicy {

  public static final String HEADER = "Content-Security-Policy";

  private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

  private ContentSecurityPolicy() {}

  /** The policy of a response without inline scripts. */
  public static String withoutNonce() {
    return policy("script-src 'self'");
  }

  /** The policy of a page whose inline scripts carry this nonce. */
  public static String withNonce(String nonce) {
    if (!nonce.matches("[A-Za-z0-9+/=_-]+")) {
      throw new IllegalArgumentException("Not a nonce");
    }
    return policy("script-src 'self' 'nonce-" + nonce + "'");
  }

  private static String policy(String scripts) {
    return "default-src 'self'; "
        + scripts
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
        + " connect-src 'self' http://127.0.0.1:*; object-src 'none'; base-uri 'self';"
        + " frame-ancestors 'none'; form-action 'self'";
  }

  /** The nonce a policy names, as PrimeFaces writes it ({@code script-src 'self' 'nonce-…';}). */
  static Optional<String> nonceOf(String policy) {
    Matcher m = NONCE.matcher(policy == null ? "" : policy);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * A response on which the policy PrimeFaces adds for a page's nonce replaces the portal's policy
   * without a nonce, so that a page has one policy (two would both apply, and the one without the
   * nonce would refuse the page's scripts). Any other policy (the {@code sandbox} of a served file)
   * is set as given.
   */
  static final class NonceAwareResponse extends HttpServletResponseWrapper {

    NonceAwareResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, merged(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
      if (HEADER.equalsIgnoreCase(name)) {
        super.setHeader(name, merged(name, value));
      } else {
        super.addHeader(name, value);
      }
    }

    private static String merged(String name, String value) {
      if (!HEADER.equalsIgnoreCase(name)) {
        return value;
      }
      return nonceOf(value).map(ContentSecurityPolicy::withNonce).orElse(value);
    }
  }
}
