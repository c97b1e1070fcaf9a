package cn.cwca.portal.web.admin;

import cn.cwca.portal.catalogue.CatalogueService;
import cn.cwca.portal.catalogue.PortalText;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /admin/catalogue-texts.xhtml: 提示文字. Administrators edit the texts applicants read (用户责任声明, the
 * 取key方式 explanations, 客服电话), one dialog per text, at the version the table showed.
 */
@Named
@ViewScoped
public class CatalogueTextsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogueService catalogueService;

  @Inject private CurrentCaller caller;

  private List<PortalText> texts;

  private PortalText edited;
  private String content;

  @PostConstruct
  void load() {
    texts = catalogueService.texts();
  }

  /** 修改: the dialog with the text as the table showed it. */
  public void startEdit(PortalText text) {
    edited = text;
    content = text.getContent();
  }

  /** 保存 of the dialog. */
  public void save() {
    try {
      catalogueService.changeText(
          edited.getKey(), content, edited.getVersion(), caller.clientInfo());
      FacesMessages.addInfoLabel("catalogue.saved");
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return;
    }
    load();
  }

  public List<PortalText> getTexts() {
    return texts;
  }

  public PortalText getEdited() {
    return edited;
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    this.content = content;
  }
}
