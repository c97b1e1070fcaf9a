package cn.cwca.portal.ca;

import jakarta.resource.Referenceable;
import java.io.Serializable;

/**
 * Where the application gets connections to the certificate authority; bound in JNDI by the
 * container (for example {@code @ConnectionFactoryDefinition(name =
 * "java:app/ca/CaConnectionFactory", ...)}).
 */
public interface CaConnectionFactory extends Serializable, Referenceable {

  /**
   * A connection to use for one business step and close (try-with-resources).
   *
   * @throws CaException if the CA cannot be reached: its crypto token could not be opened (wrong
   *     password or PIN, missing keystore, HSM down) or the adapter is stopped
   */
  CaConnection getConnection() throws CaException;
}
