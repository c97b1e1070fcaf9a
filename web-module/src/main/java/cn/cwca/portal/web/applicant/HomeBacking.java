package cn.cwca.portal.web.applicant;

import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.notice.Notice;
import cn.cwca.portal.notice.NoticeKind;
import cn.cwca.portal.notice.NoticeService;
import cn.cwca.portal.progress.ProgressRow;
import cn.cwca.portal.progress.ProgressService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /applicant/home.xhtml: what an applicant sees after logging in (manual section 2): the latest
 * application progress, the latest notice and announcement, and the 10 most recent notices; a
 * notice opens in a dialog.
 */
@Named
@ViewScoped
public class HomeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many notices the list shows (manual: 最近 10 条通知). */
  static final int RECENT_NOTICES = 10;

  @Inject private NoticeService noticeService;

  @Inject private ApplicationService applications;

  @Inject private ProgressService progress;

  private Notice latestNotice;
  private Notice latestAnnouncement;
  private List<Notice> recentNotices;
  private Notice shown;
  private ProgressRow latestApplication;
  private CertificateApplication draft;

  @PostConstruct
  void load() {
    latestNotice = noticeService.latest(NoticeKind.NOTICE).orElse(null);
    latestAnnouncement = noticeService.latest(NoticeKind.ANNOUNCEMENT).orElse(null);
    recentNotices = noticeService.recentNotices(RECENT_NOTICES);
    latestApplication = progress.latest().orElse(null);
    draft = applications.currentDraft().orElse(null);
  }

  /** Opens a notice of this page in the dialog. */
  public void show(Notice notice) {
    shown = notice;
  }

  /** 最新通知, {@code null} when none is published. */
  public Notice getLatestNotice() {
    return latestNotice;
  }

  /** 最新公告, {@code null} when none is published. */
  public Notice getLatestAnnouncement() {
    return latestAnnouncement;
  }

  /** 最近通知: published notices and announcements, newest first. */
  public List<Notice> getRecentNotices() {
    return recentNotices;
  }

  /** 最新申请进度: the newest submitted application, {@code null} when there is none. */
  public ProgressRow getLatestApplication() {
    return latestApplication;
  }

  /** The open draft to resume (继续填写), {@code null} when there is none. */
  public CertificateApplication getDraft() {
    return draft;
  }

  /** The notice shown in the dialog. */
  public Notice getShown() {
    return shown;
  }
}
