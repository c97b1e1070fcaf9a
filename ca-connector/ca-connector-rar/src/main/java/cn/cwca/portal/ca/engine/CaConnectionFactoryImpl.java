package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CaException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The connection factory the application looks up; connections come from the container's pool. */
final class CaConnectionFactoryImpl implements CaConnectionFactory {

  private static final long serialVersionUID = 1L;

  private final CaManagedConnectionFactory factory;
  private final ConnectionManager connectionManager;
  private Reference reference;

  CaConnectionFactoryImpl(CaManagedConnectionFactory factory, ConnectionManager connectionManager) {
    this.factory = factory;
    this.connectionManager = connectionManager;
  }

  @Override
  public CaConnection getConnection() throws CaException {
    try {
      return (CaConnection) connectionManager.allocateConnection(factory, null);
    } catch (ResourceException e) {
      throw new CaException("cannot connect to the CA: " + e.getMessage(), e);
    }
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
