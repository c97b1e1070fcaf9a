package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(SchemaMigrationIT.class);
  }

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Test
  void migrationsAreAppliedWhenTheApplicationStarts() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
      rs.next();
      assertTrue(rs.getInt(1) >= 1, "at least one successful migration");
    }
  }
}
