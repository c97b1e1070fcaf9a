package cn.cwca.portal.web.security;

import cn.cwca.portal.issuance.KeyProof;
import jakarta.security.enterprise.credential.Credential;
import java.util.Objects;

/**
 * The second step of a staff login with a USB key: the key's signature of the nonce the session's
 * pending login was given, and the portal's public origin the page had. Which login it completes is
 * the session's, never the request's ({@link PortalAuthenticationMechanism}).
 */
public final class KeyProofCredential implements Credential {

  private final KeyProof proof;
  private final String origin;

  public KeyProofCredential(KeyProof proof, String origin) {
    this.proof = Objects.requireNonNull(proof);
    this.origin = Objects.requireNonNull(origin);
  }

  public KeyProof proof() {
    return proof;
  }

  public String origin() {
    return origin;
  }
}
