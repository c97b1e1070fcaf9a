package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaException;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Content signers for one CA private key, reused across calls. A {@link ContentSigner} is not
 * thread-safe but is reusable once its signature is taken; keeping a few idle ones avoids a
 * provider lookup and key initialisation per signature. A pool rather than a ThreadLocal: the
 * server's threads outlive the adapter, and a ThreadLocal would pin its class loader after
 * undeployment.
 */
final class SignerPool {

  /** More than enough for the server's request threads; extra signers are simply dropped. */
  private static final int MAX_IDLE = 64;

  private final PrivateKey key;
  private final String algorithm;
  private final Provider provider;
  private final AlgorithmIdentifier algorithmIdentifier;
  private final ConcurrentLinkedQueue<ContentSigner> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  SignerPool(PrivateKey key, String algorithm, Provider provider) throws CaException {
    this.key = key;
    this.algorithm = algorithm;
    this.provider = provider;
    ContentSigner first = create();
    this.algorithmIdentifier = first.getAlgorithmIdentifier();
    giveBack(first);
  }

  /**
   * The name of the JCA provider that signs ({@code AmazonCorrettoCryptoProvider}, {@code BC},
   * ...).
   */
  String providerName() {
    return provider.getName();
  }

  /** The signature algorithm, as it appears in what is signed. */
  AlgorithmIdentifier algorithmIdentifier() {
    return algorithmIdentifier;
  }

  /** Runs a signing step with a signer of its own; a signer whose step failed is not reused. */
  <T> T sign(SigningStep<T> step) throws CaException {
    ContentSigner signer = idle.poll();
    if (signer == null) {
      signer = create();
    } else {
      idleCount.decrementAndGet();
    }
    T result;
    try {
      result = step.signWith(signer);
    } catch (RuntimeException e) {
      throw new CaException("signing with the CA key failed: " + e.getMessage(), e);
    }
    giveBack(signer);
    return result;
  }

  private void giveBack(ContentSigner signer) {
    if (idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.offer(signer);
    } else {
      idleCount.decrementAndGet();
    }
  }

  private ContentSigner create() throws CaException {
    try {
      return new JcaContentSignerBuilder(algorithm)
          .setProvider(provider)
          .setSecureRandom(Drbgs.create())
          .build(key);
    } catch (OperatorCreationException | RuntimeException e) {
      throw new CaException(
          "cannot sign with the CA key (" + algorithm + ", " + provider.getName() + ")", e);
    }
  }

  /** One use of a signer, for example building a certificate. */
  @FunctionalInterface
  interface SigningStep<T> {
    T signWith(ContentSigner signer) throws CaException;
  }
}
