package cn.cwca.portal.web.admin;

import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.Page;
import cn.cwca.portal.support.ApplicantRow;
import cn.cwca.portal.support.ApplicantSearch;
import cn.cwca.portal.support.ApplicantSupportService;
import cn.cwca.portal.web.FacesMessages;
import cn.cwca.portal.web.StaffListModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /admin/applicants.xhtml: 查找申请人. The administrator types a name or its beginning, a credit code,
 * an ID number or a mobile number; the matching applicants are listed a page at a time, ID numbers
 * and mobile numbers masked, each opening its detail page.
 */
@Named
@ViewScoped
public class ApplicantsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApplicantSupportService support;

  private String text;

  /** The text 查询 applied; none before the first search (no list of every applicant). */
  private String searched;

  private final StaffListModel<ApplicantRow> applicants =
      new StaffListModel<>(this::page, row -> String.valueOf(row.id()));

  /** 查询: checks the text and applies it. */
  public void search() {
    try {
      ApplicantSearch.of(text);
      searched = text;
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
    }
  }

  private Page<ApplicantRow> page(int first, int pageSize) {
    if (searched == null) {
      return new Page<>(List.of(), 0);
    }
    return support.search(searched, first, pageSize);
  }

  /** Whether a search was made (the list shows its results). */
  public boolean isSearched() {
    return searched != null;
  }

  public StaffListModel<ApplicantRow> getApplicants() {
    return applicants;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
