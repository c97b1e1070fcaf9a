package cn.cwca.portal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NoticeTest {

  private static final LocalDateTime PUBLISHED = LocalDateTime.of(2026, 11, 24, 8, 0);

  private static Notice notice() {
    return new Notice(NoticeKind.NOTICE, " 春节放假通知 ", "2月10日至17日暂停办理。", "admin", PUBLISHED);
  }

  @Test
  void isPublishedWhenCreated() {
    Notice notice = notice();
    assertFalse(notice.isWithdrawn());
    assertEquals("春节放假通知", notice.getTitle());
    assertEquals(PUBLISHED, notice.getPublishedAt());
    assertEquals(PUBLISHED, notice.getUpdatedAt());
  }

  @Test
  void editingReplacesTitleAndBodyButKeepsThePublicationTime() {
    Notice notice = notice();
    notice.edit("春节放假通知（更新）", "2月9日至17日暂停办理。", PUBLISHED.plusHours(1));
    assertEquals("春节放假通知（更新）", notice.getTitle());
    assertEquals("2月9日至17日暂停办理。", notice.getBody());
    assertEquals(PUBLISHED, notice.getPublishedAt());
    assertEquals(PUBLISHED.plusHours(1), notice.getUpdatedAt());
  }

  @Test
  void withdrawingTwiceChangesNothingTheSecondTime() {
    Notice notice = notice();
    assertTrue(notice.withdraw(PUBLISHED.plusDays(1)));
    assertFalse(notice.withdraw(PUBLISHED.plusDays(2)));
    assertTrue(notice.isWithdrawn());
    assertEquals(PUBLISHED.plusDays(1), notice.getUpdatedAt());
  }

  @Test
  void aWithdrawnNoticeCannotBeEdited() {
    Notice notice = notice();
    notice.withdraw(PUBLISHED.plusDays(1));
    BusinessException refused =
        assertThrows(BusinessException.class, () -> notice.edit("标题", "正文", PUBLISHED));
    assertEquals("notice.withdrawn", refused.messageKey());
  }

  @Test
  void titleAndBodyAreRequiredAndLimited() {
    assertEquals(
        "validation.required",
        assertThrows(
                BusinessException.class,
                () -> new Notice(NoticeKind.ANNOUNCEMENT, " ", "正文", "admin", PUBLISHED))
            .messageKey());
    assertEquals(
        "validation.required",
        assertThrows(
                BusinessException.class,
                () -> new Notice(NoticeKind.ANNOUNCEMENT, "标题", null, "admin", PUBLISHED))
            .messageKey());
    BusinessException tooLong =
        assertThrows(
            BusinessException.class,
            () -> new Notice(NoticeKind.NOTICE, "题".repeat(201), "正文", "admin", PUBLISHED));
    assertEquals("notice.titleTooLong", tooLong.messageKey());
    assertEquals("200", tooLong.args()[0]);
  }

  @Test
  void onlyTheLoadedVersionIsCurrent() {
    Notice notice = notice();
    assertTrue(notice.isCurrentVersion(0));
    assertFalse(notice.isCurrentVersion(1));
  }
}
