package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection to an open CA. It holds no resource of its own (the CA and its token belong
 * to the resource adapter), so pooling it only saves the container's bookkeeping; its handles are
 * {@link CaConnectionHandle}s.
 */
final class CaManagedConnection implements ManagedConnection {

  private final CaManagedConnectionFactory factory;
  private final CertificateAuthority authority;
  private final Set<CaConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean destroyed;
  private PrintWriter logWriter;

  CaManagedConnection(CaManagedConnectionFactory factory, CertificateAuthority authority) {
    this.factory = factory;
    this.authority = authority;
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    if (destroyed) {
      throw new IllegalStateException("the CA managed connection has been destroyed");
    }
    CaConnectionHandle handle = new CaConnectionHandle(this);
    handles.add(handle);
    return handle;
  }

  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof CaConnectionHandle handle)) {
      throw new IllegalStateException("not a CA connection handle: " + connection);
    }
    handle.associateWith(this);
    handles.add(handle);
  }

  /** Invalidates the handles still open: the container takes the connection back. */
  @Override
  public void cleanup() {
    handles.forEach(CaConnectionHandle::invalidate);
    handles.clear();
  }

  @Override
  public void destroy() {
    cleanup();
    destroyed = true;
  }

  /** The CA, for a handle of this connection. */
  CertificateAuthority authority() throws CaException {
    if (destroyed) {
      throw new CaException("the CA connection has been destroyed");
    }
    return authority;
  }

  boolean belongsTo(CaManagedConnectionFactory candidate) {
    return factory.equals(candidate);
  }

  boolean isValid() {
    return !destroyed && authority.isOpen();
  }

  /** A handle was closed by the application: tell the container, which returns us to the pool. */
  void handleClosed(CaConnectionHandle handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    listeners.forEach(listener -> listener.connectionClosed(event));
  }

  /** Handles are moved between connections by {@link #associateConnection}. */
  void forget(CaConnectionHandle handle) {
    handles.remove(handle);
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  /** Signing has nothing to roll back: no XA. */
  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("the CA takes part in no transaction (NoTransaction)");
  }

  /** Signing has nothing to roll back: no local transaction. */
  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("the CA takes part in no transaction (NoTransaction)");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "CA portal certificate authority";
      }

      @Override
      public String getEISProductVersion() {
        return "1.0";
      }

      @Override
      public int getMaxConnections() {
        return 0;
      }

      @Override
      public String getUserName() {
        return "";
      }
    };
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }
}
