package cn.cwca.portal.ca;

/**
 * The CA refused a certificate request because of the request itself, not because of the CA: the
 * applicant (or the key agent) has to make a new request. Like every {@link CaException} it does
 * not roll the transaction back by itself.
 */
public class RequestRefusedException extends CaException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused, for the message the applicant sees. */
  public enum Reason {
    /** The bytes are not a DER-encoded PKCS#10 certification request. */
    MALFORMED_REQUEST,
    /** The request's signature does not verify with its public key: no proof of possession. */
    SIGNATURE_INVALID,
    /**
     * The request was signed with an algorithm not accepted for proof of possession (MD5, SHA-1).
     */
    SIGNATURE_ALGORITHM_NOT_ALLOWED,
    /**
     * The public key is weak or of a kind this CA does not certify: RSA other than 2048, 3072 or
     * 4096 bits or with a public exponent below 65537, EC curves other than P-256, P-384 and SM2.
     */
    KEY_NOT_ALLOWED
  }

  private final Reason reason;

  public RequestRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RequestRefusedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
