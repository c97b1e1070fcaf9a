package cn.cwca.portal.ca.engine;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.security.auth.login.LoginException;
import javax.transaction.xa.XAResource;

/**
 * The CA resource adapter: owns the open CAs (their crypto tokens) from {@link #start} to {@link
 * #stop}. A CA is opened when the first connection of a factory with its settings is made, and
 * shared by all factories with the same settings; stopping the adapter logs out of the HSMs and
 * makes every handle fail.
 *
 * <p>No transactions: a signature cannot be rolled back, and the application records what was
 * signed in its own (JTA) transaction, so NoTransaction is the honest level.
 */
@Connector(
    displayName = "CA portal certificate authority",
    description =
        "Issues certificates from PKCS#10 requests, signs CRLs and answers OCSP with CA keys in a"
            + " PKCS#12 file or an HSM (PKCS#11)",
    vendorName = "CWCA",
    eisType = "Certificate authority",
    version = "1.0",
    licenseRequired = false,
    reauthenticationSupport = false,
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class CaResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(CaResourceAdapter.class.getName());

  private final Map<CaSettings, CertificateAuthority> authorities = new ConcurrentHashMap<>();

  /**
   * Settings whose PIN or password a token refused: not tried again until the adapter restarts, so
   * that a wrong PIN in the configuration cannot lock the HSM's user PIN by repeated attempts.
   */
  private final Map<CaSettings, ResourceException> refusedLogins = new ConcurrentHashMap<>();

  private final Object opening = new Object();
  private volatile boolean started;

  @Override
  public void start(BootstrapContext context) {
    started = true;
    LOG.info("CA resource adapter started");
  }

  @Override
  public void stop() {
    synchronized (opening) {
      started = false;
      authorities.values().forEach(CertificateAuthority::close);
      authorities.clear();
      refusedLogins.clear();
    }
    LOG.info("CA resource adapter stopped");
  }

  /** The open CA for these settings, opened (and created on its token if need be) on first use. */
  CertificateAuthority authorityFor(CaSettings settings) throws ResourceException {
    CertificateAuthority authority = authorities.get(settings);
    if (authority != null && started) {
      return authority;
    }
    synchronized (opening) {
      if (!started) {
        throw new ResourceAdapterInternalException("the CA resource adapter is not started");
      }
      authority = authorities.get(settings);
      if (authority != null) {
        return authority;
      }
      ResourceException refused = refusedLogins.get(settings);
      if (refused != null) {
        throw new ResourceAdapterInternalException(
            "not trying the token again after a refused login (restart the adapter once the"
                + " configuration is fixed): "
                + refused.getMessage(),
            refused);
      }
      try {
        authority = CertificateAuthority.open(settings);
      } catch (cn.cwca.portal.ca.CaException e) {
        ResourceException failure = new ResourceAdapterInternalException(e.getMessage(), e);
        if (settings.tokenType() == CaSettings.TokenType.PKCS11 && causedByLogin(e)) {
          refusedLogins.put(settings, failure);
        }
        throw failure;
      }
      authorities.put(settings, authority);
      return authority;
    }
  }

  private static boolean causedByLogin(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof LoginException) {
        return true;
      }
    }
    return false;
  }

  /** No inbound messaging. */
  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    throw new NotSupportedException("the CA resource adapter has no message endpoints");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    // never activated
  }

  /** No XA: nothing to recover. */
  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }
}
