package cn.cwca.portal.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A CRL the CA signed, kept so that every server of the cluster serves the same one: one series per
 * issuing CA, numbered from one sequence. Times are UTC.
 */
@Entity
@Table(name = "crl")
@NamedQuery(
    name = Crl.LATEST_OF_ISSUER,
    query = "SELECT c FROM Crl c WHERE c.issuerKeyId = :issuer ORDER BY c.crlNumber DESC")
@NamedQuery(
    name = Crl.LATEST_OF_CURRENT_ISSUER,
    query =
        "SELECT c FROM Crl c WHERE c.issuerKeyId = :issuer OR c.issuerKeyId IS NULL"
            + " ORDER BY c.crlNumber DESC")
public class Crl implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String LATEST_OF_ISSUER = "Crl.latestOfIssuer";
  static final String LATEST_OF_CURRENT_ISSUER = "Crl.latestOfCurrentIssuer";

  @Id
  @Column(name = "crl_number")
  private long crlNumber;

  @Column(name = "this_update", nullable = false)
  private LocalDateTime thisUpdate;

  @Column(name = "next_update", nullable = false)
  private LocalDateTime nextUpdate;

  @Column(nullable = false)
  private byte[] der;

  /** The key id of the issuing CA that signed it; null (rows before V12 only): the current one. */
  @Column(name = "issuer_key_id")
  private String issuerKeyId;

  protected Crl() {}

  Crl(
      String issuerKeyId,
      long crlNumber,
      LocalDateTime thisUpdate,
      LocalDateTime nextUpdate,
      byte[] der) {
    this.issuerKeyId = issuerKeyId;
    this.crlNumber = crlNumber;
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.der = der.clone();
  }

  /** Fresh while younger than {@code maxAge} and not past its next update. */
  boolean isFresh(LocalDateTime now, Duration maxAge) {
    return now.isBefore(thisUpdate.plus(maxAge)) && now.isBefore(nextUpdate);
  }

  public long getCrlNumber() {
    return crlNumber;
  }

  public byte[] getDer() {
    return der.clone();
  }

  public String getIssuerKeyId() {
    return issuerKeyId;
  }
}
