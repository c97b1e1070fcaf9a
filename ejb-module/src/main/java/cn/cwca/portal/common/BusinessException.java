package cn.cwca.portal.common;

import jakarta.ejb.ApplicationException;

/**
 * A business rule refused the request; the page shows the message of {@link #messageKey()} from the
 * bundle {@code cn.cwca.portal.messages}, formatted with {@link #args()}. Thrown out of an EJB it
 * reaches the caller unwrapped and rolls the container transaction back.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] args;

  public BusinessException(String messageKey, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = args == null ? new Object[0] : args.clone();
  }

  /** Key of the message in {@code cn/cwca/portal/messages.properties}. */
  public String messageKey() {
    return messageKey;
  }

  /** Arguments of the message ({@code {0}}, {@code {1}}, ...). */
  public Object[] args() {
    return args == null ? new Object[0] : args.clone();
  }
}
