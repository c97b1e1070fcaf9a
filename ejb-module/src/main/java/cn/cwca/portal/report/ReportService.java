package cn.cwca.portal.report;

import cn.cwca.portal.common.BusinessException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * 统计报表: the dashboard's figures for the 系统管理员 (ADMIN); the revenue alone also for 财务 (FINANCE).
 * Read-only, outside any transaction; each figure is one aggregate query ({@link ReportQueries}).
 */
@Stateless
@RolesAllowed("ADMIN")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportService {

  private static final Logger LOG = Logger.getLogger(ReportService.class.getName());

  @Resource(lookup = "jdbc/caportal")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  /**
   * Every figure of the range, its four queries at once (see {@link ReportQueries#dashboard}).
   *
   * @throws BusinessException {@code report.unavailable} when the database does not answer
   */
  public Dashboard dashboard(ReportRange range) {
    try {
      return ReportQueries.dashboard(executor, dataSource, range);
    } catch (SQLException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
  }

  /**
   * 收入 alone, per day and month.
   *
   * @throws BusinessException {@code report.unavailable} when the database does not answer
   */
  @RolesAllowed({"ADMIN", "FINANCE"})
  public Revenue revenue(ReportRange range) {
    try {
      return ReportQueries.read(dataSource, ReportQueries::revenue, range);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static BusinessException unavailable(Exception cause) {
    LOG.log(Level.WARNING, "The reports could not be read", cause);
    return new BusinessException("report.unavailable");
  }
}
