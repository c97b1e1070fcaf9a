package cn.cwca.portal.web.admin;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.notice.Notice;
import cn.cwca.portal.notice.NoticeKind;
import cn.cwca.portal.notice.NoticeService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /admin/notices.xhtml: 通知公告管理. Administrators publish notices and announcements, edit them (the
 * version loaded into the dialog travels with the edit, so a concurrent change is refused instead
 * of overwritten) and withdraw them.
 */
@Named
@ViewScoped
public class NoticesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private NoticeService noticeService;

  @Inject private CurrentCaller caller;

  private List<Notice> notices;

  private Long editedId;
  private long editedVersion;
  private NoticeKind kind;
  private String title;
  private String body;

  @PostConstruct
  void load() {
    notices = noticeService.all();
  }

  /** 发布: opens the dialog for a new notice. */
  public void startNew() {
    editedId = null;
    editedVersion = 0;
    kind = NoticeKind.NOTICE;
    title = null;
    body = null;
  }

  /** 编辑: opens the dialog with the notice as it was loaded into the table. */
  public void startEdit(Notice notice) {
    editedId = notice.getId();
    editedVersion = notice.getVersion();
    kind = notice.getKind();
    title = notice.getTitle();
    body = notice.getBody();
  }

  /** 保存 of the dialog: publishes the new notice or edits the loaded one. */
  public void save() {
    try {
      if (isEditing()) {
        noticeService.edit(
            editedId, editedVersion, title, body, caller.loginName(), caller.clientInfo());
        FacesMessages.addInfoLabel("notices.edited");
      } else {
        noticeService.publish(kind, title, body, caller.loginName(), caller.clientInfo());
        FacesMessages.addInfoLabel("notices.published");
      }
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  /** 撤回 (after the confirmation dialog). */
  public void withdraw(Notice notice) {
    try {
      noticeService.withdraw(notice.getId(), caller.loginName(), caller.clientInfo());
      FacesMessages.addInfoLabel("notices.withdrawn");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
    load();
  }

  /** Whether the dialog edits an existing notice (else it publishes a new one). */
  public boolean isEditing() {
    return editedId != null;
  }

  /** All notices and announcements, withdrawn ones included, newest first. */
  public List<Notice> getNotices() {
    return notices;
  }

  public NoticeKind[] getKinds() {
    return NoticeKind.values();
  }

  public NoticeKind getKind() {
    return kind;
  }

  public void setKind(NoticeKind kind) {
    this.kind = kind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
