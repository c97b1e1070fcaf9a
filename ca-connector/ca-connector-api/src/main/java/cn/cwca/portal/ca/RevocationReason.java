package cn.cwca.portal.ca;

/**
 * Why a certificate was revoked: the CRLReason codes of RFC 5280 section 5.3.1 that apply to the
 * certificates of this CA (no certificateHold: the product has no suspension; no removeFromCRL: no
 * delta CRLs; no aACompromise: no attribute certificates).
 */
public enum RevocationReason {
  /** No reason given; RFC 5280 has the reason code left out of the CRL entry then. */
  UNSPECIFIED(0),
  /** The private key is or may be compromised, for example a USB key was lost (丢失补办). */
  KEY_COMPROMISE(1),
  CA_COMPROMISE(2),
  /** The subject's name or other information changed (变更). */
  AFFILIATION_CHANGED(3),
  /** Replaced by a new certificate (更新), the key not being compromised. */
  SUPERSEDED(4),
  /** The certificate is no longer needed (the organisation closed, the subscriber cancelled). */
  CESSATION_OF_OPERATION(5),
  PRIVILEGE_WITHDRAWN(9);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  /** The CRLReason code of RFC 5280. */
  public int code() {
    return code;
  }
}
