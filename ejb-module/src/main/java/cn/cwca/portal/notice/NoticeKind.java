package cn.cwca.portal.notice;

/** What staff publish. */
public enum NoticeKind {
  /** 通知. */
  NOTICE,
  /** 公告. */
  ANNOUNCEMENT
}
