package cn.cwca.portal.web;

import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.web.security.ClientAddresses;
import cn.cwca.portal.web.security.PortalAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sends the current request and from where, as the services want it: the login name of the
 * logged-in caller and the {@link ClientInfo} for the audit trail and throttling. Request scoped,
 * so that view-scoped beans always get the current request's values.
 */
@RequestScoped
public class CurrentCaller {

  @Inject private HttpServletRequest request;

  /** Where the request came from (see {@link ClientAddresses}). */
  public ClientInfo clientInfo() {
    return new ClientInfo(ClientAddresses.of(request));
  }

  /**
   * The caller changed their password: this session goes on, the account's other sessions end (see
   * {@link PortalAuthenticationMechanism#credentialsChanged}).
   */
  public void credentialsChanged(int credentialsVersion) {
    PortalAuthenticationMechanism.credentialsChanged(request, credentialsVersion);
  }

  /**
   * The caller replaced their one-time password: this session goes on and reaches the caller's
   * pages again (see {@link PortalAuthenticationMechanism#oneTimePasswordReplaced}).
   */
  public void oneTimePasswordReplaced(int credentialsVersion) {
    PortalAuthenticationMechanism.oneTimePasswordReplaced(request, credentialsVersion);
  }

  /** Login name of the authenticated caller, {@code null} for an anonymous request. */
  public String loginName() {
    return request.getRemoteUser();
  }
}
