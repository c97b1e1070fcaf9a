package cn.cwca.portal.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the migrations in {@code db/migration} when the application
 * starts, before it serves anything. Flyway's lock table makes this safe when several instances of
 * a cluster start at once. Every other start-up singleton declares
 * {@code @DependsOn("SchemaMigration")}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  private String expectedVersion;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    expectedVersion =
        Arrays.stream(flyway.info().all())
            .map(MigrationInfo::getVersion)
            .filter(Objects::nonNull)
            .max(MigrationVersion::compareTo)
            .map(MigrationVersion::getVersion)
            .orElse(null);
    LOG.info(
        () ->
            "Schema migration: "
                + result.migrationsExecuted
                + " migration(s) applied, schema version "
                + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion
                    : result.targetSchemaVersion));
  }

  /**
   * The version of the newest migration this build of the application carries: the schema version
   * the application expects to find (see {@code ReadinessService}).
   */
  public String expectedVersion() {
    return expectedVersion;
  }
}
