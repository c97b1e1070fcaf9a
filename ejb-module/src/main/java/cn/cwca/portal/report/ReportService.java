package cn.cwca.portal.report;

import cn.cwca.portal.common.BusinessException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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

  /** A figure read on a connection of its own. */
  @FunctionalInterface
  interface Figure<T> {
    T read(Connection c, ReportRange range) throws SQLException;
  }

  /**
   * Every figure of the range. The four queries run at once, each on a connection of its own: each
   * is a single-threaded scan and aggregate in PostgreSQL, and together they use the cores the
   * database has.
   *
   * @throws BusinessException {@code report.unavailable} when the database does not answer
   */
  public Dashboard dashboard(ReportRange range) {
    List<Future<?>> started = new ArrayList<>();
    try {
      Future<OrderCounts> orders = start(started, ReportQueries::orders, range);
      Future<LeadTime> toApproval = start(started, ReportQueries::paymentToApproval, range);
      Future<LeadTime> toCompletion = start(started, ReportQueries::approvalToCompletion, range);
      Revenue revenue = read(ReportQueries::revenue, range);
      return new Dashboard(range, orders.get(), revenue, toApproval.get(), toCompletion.get());
    } catch (ExecutionException e) {
      throw unavailable(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } finally {
      for (Future<?> f : started) {
        f.cancel(true);
      }
    }
  }

  /**
   * 收入 alone, per day and month.
   *
   * @throws BusinessException {@code report.unavailable} when the database does not answer
   */
  @RolesAllowed({"ADMIN", "FINANCE"})
  public Revenue revenue(ReportRange range) {
    return read(ReportQueries::revenue, range);
  }

  private <T> Future<T> start(List<Future<?>> started, Figure<T> figure, ReportRange range) {
    Future<T> f = executor.submit(() -> read(figure, range));
    started.add(f);
    return f;
  }

  private <T> T read(Figure<T> figure, ReportRange range) {
    try (Connection c = dataSource.getConnection()) {
      return figure.read(c, range);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static BusinessException unavailable(Throwable cause) {
    if (cause instanceof BusinessException refusal) {
      return refusal;
    }
    LOG.log(Level.WARNING, "The reports could not be read", cause);
    return new BusinessException("report.unavailable");
  }
}
