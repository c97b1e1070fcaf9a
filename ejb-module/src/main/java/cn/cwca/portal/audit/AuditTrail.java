package cn.cwca.portal.audit;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.certificate.CaConnectorDefinition;
import cn.cwca.portal.common.BusinessException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The audit trail for the 系统管理员: searching it, verifying its chain (校验) and signing its head on
 * demand.
 */
@Stateless
@RolesAllowed("ADMIN")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

  /** Rows per query of the verification walk. */
  static final int WALK_BATCH = 10_000;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Resource(lookup = CaConnectorDefinition.JNDI_NAME)
  CaConnectionFactory ca;

  @EJB AuditChainer chainer;

  Clock clock = Clock.systemUTC();

  /** The entries that match, in chain order from the newest, a page of them. */
  public List<AuditEntry> search(AuditFilter filter, int first, int max) {
    TypedQuery<AuditEntry> query =
        em.createQuery(
            "SELECT e FROM AuditEntry e"
                + filter.where()
                + " ORDER BY e.occurredAt DESC, e.id DESC",
            AuditEntry.class);
    filter.bind(query);
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  public long count(AuditFilter filter) {
    TypedQuery<Long> query =
        em.createQuery("SELECT count(e) FROM AuditEntry e" + filter.where(), Long.class);
    filter.bind(query);
    return query.getSingleResult();
  }

  /**
   * 校验: chains what is pending (so that it covers every entry committed before), checks the CA's
   * signature of every signed head, then walks the whole chain in sequence order, {@value
   * #WALK_BATCH} rows at a time, and names the first entry changed, removed, inserted or moved. It
   * also says how many entries are still unchained and whether some have been for longer than
   * {@value AuditVerdict#STALE_SECONDS} seconds (the chaining is not running).
   */
  public AuditVerdict verify() {
    chainer.chainAll();
    try (Connection c = dataSource.getConnection()) {
      AuditStore.Pending pending =
          AuditStore.pending(c, LocalDateTime.now(clock).minusSeconds(AuditVerdict.STALE_SECONDS));
      long unchained = pending.count();
      Map<Long, byte[]> heads = new HashMap<>();
      long lastSeq = 0;
      LocalDateTime lastAt = null;
      try (CaConnection connection = ca.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT seq, head_hash, signed_at, signature FROM audit_head_signature"
                      + " ORDER BY seq");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          byte[] hash = rs.getBytes(2);
          if (!connection.verifyAuditHead(rs.getBytes(4), seq, hash)) {
            return new AuditVerdict(
                    AuditVerdict.Problem.SIGNATURE_INVALID,
                    seq,
                    0,
                    unchained,
                    heads.size(),
                    0,
                    null)
                .withStale(pending.stale());
          }
          heads.put(seq, hash);
          lastSeq = seq;
          lastAt = rs.getTimestamp(3).toLocalDateTime();
        }
      }
      AuditVerifier verifier = new AuditVerifier(heads);
      AuditStore.walk(c, WALK_BATCH, verifier);
      AuditVerdict verdict = verifier.finish(unchained, lastSeq, lastAt).withStale(pending.stale());
      if (!verdict.intact()) {
        LOG.warning(() -> "The audit trail failed verification: " + verdict);
      }
      if (verdict.chainingStalled()) {
        LOG.warning(
            () ->
                verdict.stale()
                    + " audit entries have been waiting for the chain for more than "
                    + AuditVerdict.STALE_SECONDS
                    + " seconds: the chaining is not running");
      }
      return verdict;
    } catch (SQLException | CaException e) {
      LOG.log(Level.WARNING, "The audit trail could not be verified", e);
      throw new BusinessException("audit.verify.unavailable");
    }
  }

  /**
   * Chains what is not chained yet and signs the head now.
   *
   * @return the sequence number signed; 0 when signed already or empty
   */
  public long signHeadNow() {
    chainer.chainAll();
    try {
      return chainer.signHead();
    } catch (SQLException | CaException e) {
      LOG.log(Level.WARNING, "The audit chain's head could not be signed", e);
      throw new BusinessException("audit.sign.unavailable");
    }
  }
}
