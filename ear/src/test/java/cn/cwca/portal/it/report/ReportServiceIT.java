package cn.cwca.portal.it.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.report.Dashboard;
import cn.cwca.portal.report.Percentiles;
import cn.cwca.portal.report.ReportRange;
import cn.cwca.portal.report.ReportService;
import cn.cwca.portal.report.Revenue;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 统计报表 in the container with PostgreSQL: the 系统管理员 reads every figure (its queries at once on the
 * managed executor), 财务 the revenue only, and an applicant, a reviewer or an operator nothing
 * ({@link EJBAccessException}). The orders of these tests lie on three Beijing days of March 2001,
 * where no other test writes.
 */
@ExtendWith(ArquillianExtension.class)
class ReportServiceIT {

  private static final ReportRange MARCH_2001 =
      new ReportRange(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 3, 3));

  /** Far above what the sequences give. */
  private static final long FIRST_ID = 800_000_000_000L;

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        ReportServiceIT.class, ReportCallers.class, SwitchingCallers.class);
  }

  @EJB ReportService reports;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  /**
   * Three paid orders of 1 and 2 March 2001 (Beijing), approved 2, 4 and 10 hours after payment,
   * two of them completed 24 and 30 hours after approval; one waiting for payment.
   */
  @BeforeEach
  void ordersOfMarch2001() throws SQLException {
    try (Connection c = database.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM payment WHERE created_by = 'it-report'");
        s.executeUpdate(
            "DELETE FROM certificate_application WHERE owner_login_name LIKE 'it-report-%'");
      }
      LocalDateTime day1 = LocalDateTime.of(2001, 2, 28, 17, 0); // 1 March 01:00 in Beijing
      LocalDateTime day2 = LocalDateTime.of(2001, 3, 1, 17, 0);
      order(c, 1, "RENEW", "COMPLETED", day1, 2, 24);
      order(c, 2, "CHANGE", "COMPLETED", day1, 4, 30);
      order(c, 3, "RENEW", "APPROVED", day2, 10, null);
      order(c, 4, "LOST", "AWAITING_PAYMENT", day2, null, null);
    }
  }

  @Test
  void anAdministratorReadsEveryFigure() {
    Dashboard d = reports.dashboard(MARCH_2001);
    assertEquals(4, d.orders().total());
    assertEquals(
        2L,
        d.orders().perDayByServiceType().get(LocalDate.of(2001, 3, 2)).values().stream()
            .mapToLong(Long::longValue)
            .sum());
    assertEquals(
        2L, d.orders().perDayByStatus().get(LocalDate.of(2001, 3, 1)).get(OrderStatus.COMPLETED));
    assertEquals(1L, d.orders().waiting().get(OrderStatus.AWAITING_PAYMENT));
    assertEquals(1L, d.orders().waiting().get(OrderStatus.APPROVED));
    assertEquals(new BigDecimal("600.00"), d.revenue().total());
    assertEquals(3, d.revenue().payments());
    // 2 h, 4 h and 10 h: the median 4 h, the 90th percentile 4 + 0.8 * 6 = 8.8 h.
    assertEquals(
        new Percentiles(3, Duration.ofHours(4), Duration.ofMinutes(8 * 60 + 48)),
        d.paymentToApproval().overall());
    // 24 h and 30 h.
    assertEquals(
        new Percentiles(2, Duration.ofHours(27), Duration.ofMinutes(29 * 60 + 24)),
        d.approvalToCompletion().overall());
    assertEquals(
        ServiceType.values().length,
        d.orders().perDayByServiceType().get(LocalDate.of(2001, 3, 3)).size());
  }

  @Test
  void theFinanceStaffReadTheRevenueButNoOtherFigure() {
    as(ReportCallers.FINANCE);
    Revenue revenue = reports.revenue(MARCH_2001);
    assertEquals(new BigDecimal("600.00"), revenue.total());
    assertEquals(List.of(3L), revenue.perMonth().stream().map(m -> m.payments()).toList());
    assertThrows(EJBAccessException.class, () -> reports.dashboard(MARCH_2001));
  }

  @Test
  void applicantsReviewersAndOperatorsAreRefusedEveryFigure() {
    for (String caller :
        List.of(ReportCallers.APPLICANT, ReportCallers.REVIEWER, ReportCallers.OPERATOR)) {
      as(caller);
      assertThrows(EJBAccessException.class, () -> reports.dashboard(MARCH_2001), caller);
      assertThrows(EJBAccessException.class, () -> reports.revenue(MARCH_2001), caller);
    }
    as(ReportCallers.ADMIN);
    assertDoesNotThrow(() -> reports.revenue(MARCH_2001));
  }

  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  /**
   * An order of 200 yuan submitted at {@code submitted} (UTC), paid 30 minutes later (when {@code
   * approvedAfter} is given), approved that many hours after payment, completed that many hours
   * after approval.
   */
  private static void order(
      Connection c,
      int n,
      String serviceType,
      String status,
      LocalDateTime submitted,
      Integer approvedAfter,
      Integer completedAfter)
      throws SQLException {
    long id = FIRST_ID + n;
    LocalDateTime paid = approvedAfter == null ? null : submitted.plusMinutes(30);
    LocalDateTime approved = paid == null ? null : paid.plusHours(approvedAfter);
    LocalDateTime completed = completedAfter == null ? null : approved.plusHours(completedAfter);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO certificate_application (id, version, public_id, submission_token,"
                + " owner_login_name, user_type, wizard_step, service_type, years, pickup_method,"
                + " handling_point_code, price, key_amount, status, created_at, updated_at,"
                + " submitted_at, paid_at, approved_at, completed_at) VALUES (?, 0, ?, ?, ?,"
                + " 'ORGANISATION', 'DOCUMENTS', ?, 1, 'COURIER', 'SD_LIAOCHENG', 200.00, 0, ?,"
                + " ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, "ITREPORT" + n);
      s.setString(3, "it-report-token-" + n);
      s.setString(4, "it-report-" + n);
      s.setString(5, serviceType);
      s.setString(6, status);
      s.setTimestamp(7, Timestamp.valueOf(submitted));
      s.setTimestamp(8, Timestamp.valueOf(submitted));
      s.setTimestamp(9, Timestamp.valueOf(submitted));
      s.setTimestamp(10, paid == null ? null : Timestamp.valueOf(paid));
      s.setTimestamp(11, approved == null ? null : Timestamp.valueOf(approved));
      s.setTimestamp(12, completed == null ? null : Timestamp.valueOf(completed));
      s.executeUpdate();
    }
    if (paid != null) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO payment (id, version, application_id, channel, out_trade_no, amount,"
                  + " status, expires_at, created_at, created_by, paid_amount, paid_at)"
                  + " VALUES (?, 0, ?, 'SANDBOX', ?, 200.00, 'PAID', ?, ?, 'it-report', 200.00,"
                  + " ?)")) {
        s.setLong(1, id);
        s.setLong(2, id);
        s.setString(3, "ITREPORT" + n);
        s.setTimestamp(4, Timestamp.valueOf(submitted.plusHours(2)));
        s.setTimestamp(5, Timestamp.valueOf(submitted));
        s.setTimestamp(6, Timestamp.valueOf(paid));
        s.executeUpdate();
      }
    }
  }
}
