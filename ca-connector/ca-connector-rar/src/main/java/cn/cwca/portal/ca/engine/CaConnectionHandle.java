package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CaIssuer;
import cn.cwca.portal.ca.CertificateStatusLookup;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import java.util.List;
import java.util.Objects;

/**
 * The connection the application holds. Every call checks that the handle is still open and that
 * its managed connection and CA are alive, and fails with {@link CaException} otherwise.
 */
final class CaConnectionHandle implements CaConnection {

  /** Null once closed or invalidated by the container. */
  private volatile CaManagedConnection connection;

  CaConnectionHandle(CaManagedConnection connection) {
    this.connection = connection;
  }

  @Override
  public IssuedCertificate issue(IssueRequest request) throws CaException {
    Objects.requireNonNull(request, "request");
    return authority().issue(request);
  }

  @Override
  public byte[] signCrl(CrlRequest request) throws CaException {
    Objects.requireNonNull(request, "request");
    return authority().signCrl(request);
  }

  @Override
  public byte[] answerOcsp(byte[] ocspRequestDer, CertificateStatusLookup lookup, boolean echoNonce)
      throws CaException {
    Objects.requireNonNull(ocspRequestDer, "ocspRequestDer");
    Objects.requireNonNull(lookup, "lookup");
    return authority().answerOcsp(ocspRequestDer, lookup, echoNonce);
  }

  @Override
  public List<CaIssuer> issuers() throws CaException {
    return authority().issuers();
  }

  @Override
  public boolean issuedByThisCa(byte[] certificateDer) throws CaException {
    Objects.requireNonNull(certificateDer, "certificateDer");
    return authority().issuedByThisCa(certificateDer);
  }

  @Override
  public List<byte[]> caCertificates() throws CaException {
    return authority().caCertificates().stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] signAuditHead(long sequence, byte[] headHash, java.time.Instant signedAt)
      throws CaException {
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(signedAt, "signedAt");
    return authority().signAuditHead(sequence, headHash, signedAt);
  }

  @Override
  public boolean verifyAuditHead(byte[] signedHead, long sequence, byte[] headHash)
      throws CaException {
    Objects.requireNonNull(signedHead, "signedHead");
    Objects.requireNonNull(headHash, "headHash");
    return authority().verifyAuditHead(signedHead, sequence, headHash);
  }

  @Override
  public void close() {
    CaManagedConnection current = connection;
    if (current != null) {
      connection = null;
      current.handleClosed(this);
    }
  }

  /** The container took the managed connection back: this handle is unusable. */
  void invalidate() {
    connection = null;
  }

  /** The container moved this handle to another managed connection. */
  void associateWith(CaManagedConnection other) {
    CaManagedConnection previous = connection;
    if (previous != null && previous != other) {
      previous.forget(this);
    }
    connection = other;
  }

  private CertificateAuthority authority() throws CaException {
    CaManagedConnection current = connection;
    if (current == null) {
      throw new CaException("the CA connection is closed");
    }
    return current.authority();
  }
}
