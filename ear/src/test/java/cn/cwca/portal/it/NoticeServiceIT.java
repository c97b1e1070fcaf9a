package cn.cwca.portal.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.notice.NoticeKind;
import cn.cwca.portal.notice.NoticeService;
import cn.cwca.portal.sms.SmsOutboxService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff-only operations refuse a caller without the ADMIN role, whatever page calls them. */
@ExtendWith(ArquillianExtension.class)
class NoticeServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(NoticeServiceIT.class);
  }

  @EJB NoticeService notices;
  @EJB SmsOutboxService outbox;

  @Test
  void publishingANoticeNeedsTheAdminRole() {
    assertThrows(
        EJBAccessException.class,
        () ->
            notices.publish(NoticeKind.NOTICE, "标题", "正文", "someone", new ClientInfo("192.0.2.1")));
  }

  @Test
  void readingTheSmsOutboxNeedsTheAdminRole() {
    assertThrows(EJBAccessException.class, () -> outbox.latest(0, 10));
  }

  @Test
  void anyoneMayReadThePublishedNotices() {
    assertTrue(notices.recentNotices(10).size() <= 10);
  }
}
