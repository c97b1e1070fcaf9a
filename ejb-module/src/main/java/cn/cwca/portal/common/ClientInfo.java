package cn.cwca.portal.common;

import java.io.Serializable;

/**
 * Where a request came from, passed by the backing beans to the services for the audit trail and
 * for throttling.
 *
 * @param remoteAddress the client's IP address as the web tier sees it
 */
public record ClientInfo(String remoteAddress) implements Serializable {

  /** A request the system makes itself (start-up, scheduled work, tests). */
  public static ClientInfo system() {
    return new ClientInfo("system");
  }
}
