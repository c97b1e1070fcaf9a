package cn.cwca.portal.health;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.certificate.CaConnectorDefinition;
import cn.cwca.portal.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers whether this instance is ready to serve, for the readiness endpoint: the persistence unit
 * answers a query, the schema is at the version this build expects, and the CA signs. A probe can
 * come every few seconds from each load balancer and is public, so the CA's signature (an HSM
 * operation) is proved at most once per {@link #CA_PROOF_VALIDITY}; the database is asked every
 * time, as a query is cheap.
 *
 * <p>No check throws: each gives a {@link Check} with what went wrong in one line, never a stack
 * trace or a secret (the log has the details).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class ReadinessService {

  /** How long a successful CA signature counts as proof that the CA can sign. */
  static final Duration CA_PROOF_VALIDITY = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(ReadinessService.class.getName());

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @EJB SchemaMigration schema;

  @Resource(lookup = CaConnectorDefinition.JNDI_NAME)
  CaConnectionFactory ca;

  Clock clock = Clock.systemUTC();

  private volatile Instant caProvedAt;

  /** One named check and its outcome. */
  public record Check(String name, boolean up, String detail) {}

  /** The database, the schema version and the CA, in that order. */
  public List<Check> checks() {
    Check database = database();
    Check schemaVersion =
        database.up()
            ? schemaVersion()
            : new Check("schema", false, "not checked: the database does not answer");
    return List.of(database, schemaVersion, caSigns());
  }

  private Check database() {
    try {
      Object one = em.createNativeQuery("SELECT 1").getSingleResult();
      return new Check("database", one != null, "answers");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Readiness: the database does not answer", e);
      return new Check("database", false, "does not answer: " + e.getClass().getSimpleName());
    }
  }

  private Check schemaVersion() {
    String expected = schema.expectedVersion();
    try {
      Object found =
          em.createNativeQuery(
                  "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                      + " ORDER BY installed_rank DESC LIMIT 1")
              .getSingleResult();
      boolean up = expected != null && expected.equals(found);
      return new Check("schema", up, "version " + found + ", expected " + expected);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Readiness: the schema version cannot be read", e);
      return new Check("schema", false, "version unreadable: " + e.getClass().getSimpleName());
    }
  }

  private Check caSigns() {
    Instant now = clock.instant();
    Instant proved = caProvedAt;
    if (proved != null && proved.plus(CA_PROOF_VALIDITY).isAfter(now)) {
      return new Check("ca", true, "signed at " + proved);
    }
    try (CaConnection connection = ca.getConnection()) {
      // A CRL nobody publishes: CRL number 0 (published CRLs start at 1), no entries.
      byte[] signed =
          connection.signCrl(new CrlRequest(0, now, now.plus(Duration.ofMinutes(1)), List.of()));
      if (signed.length == 0) {
        return new Check("ca", false, "the CA returned an empty signature");
      }
      caProvedAt = now;
      return new Check("ca", true, "signed at " + now);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Readiness: the CA cannot sign", e);
      return new Check("ca", false, "cannot sign: " + e.getClass().getSimpleName());
    }
  }
}
