package cn.cwca.portal.it.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.cwca.portal.account.StaffService;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.issuance.IssuanceService;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.notice.NoticeService;
import cn.cwca.portal.payment.PaymentService;
import cn.cwca.portal.review.ReviewService;
import cn.cwca.portal.shipping.ShippingService;
import cn.cwca.portal.sms.SmsOutboxService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container enforces the division of work between the staff roles: a sample read of each part
 * (员工管理, 通知公告, 短信发件箱; 审核; 制证 and shipping; invoices and bank transfers) answers its own role and
 * refuses each other staff role with {@link EJBAccessException}. The full table of every business
 * method is checked without a server by the EJB module's {@code StaffRoleBoundariesTest}.
 */
@ExtendWith(ArquillianExtension.class)
class StaffRolesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        StaffRolesIT.class, StaffCallers.class, SwitchingCallers.class);
  }

  @EJB StaffService staff;
  @EJB NoticeService notices;
  @EJB SmsOutboxService smsOutbox;
  @EJB ReviewService reviews;
  @EJB ShippingService shipping;
  @EJB IssuanceService issuance;
  @EJB InvoiceService invoices;
  @EJB PaymentService payments;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  /** A read of each part, by the caller who owns it. */
  private Map<String, List<Runnable>> parts() {
    Map<String, List<Runnable>> parts = new LinkedHashMap<>();
    parts.put(
        StaffCallers.ADMIN,
        List.of(() -> staff.staff(), () -> notices.all(), () -> smsOutbox.count()));
    parts.put(StaffCallers.REVIEWER, List.of(() -> reviews.rejectReasons()));
    parts.put(
        StaffCallers.OPERATOR, List.of(() -> shipping.toShip(0, 1), () -> issuance.officeQueue()));
    parts.put(
        StaffCallers.FINANCE,
        List.of(
            () -> invoices.awaiting(0, 1),
            () -> payments.openTransfers(),
            () -> payments.refundQueue()));
    return parts;
  }

  @Test
  void eachStaffRoleReachesItsPartAndIsRefusedTheOthers() {
    Map<String, List<Runnable>> parts = parts();
    for (String caller : parts.keySet()) {
      as(caller);
      for (Map.Entry<String, List<Runnable>> part : parts.entrySet()) {
        for (Runnable call : part.getValue()) {
          if (part.getKey().equals(caller)) {
            assertDoesNotThrow(call::run, caller + " in its own part");
          } else {
            assertThrows(
                EJBAccessException.class, call::run, caller + " in the part of " + part.getKey());
          }
        }
      }
    }
  }

  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, caller),
        "authenticated as " + caller);
  }
}
