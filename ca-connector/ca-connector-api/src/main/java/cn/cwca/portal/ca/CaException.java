package cn.cwca.portal.ca;

/**
 * The certificate authority could not do what was asked.
 *
 * <p>A checked exception: by EJB rules it does not mark the caller's transaction for rollback. A
 * business step that cannot go on without the CA rethrows it as its own exception that does.
 */
public class CaException extends Exception {

  private static final long serialVersionUID = 1L;

  public CaException(String message) {
    super(message);
  }

  public CaException(String message, Throwable cause) {
    super(message, cause);
  }
}
