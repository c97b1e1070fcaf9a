package cn.cwca.portal.application;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.DocumentTemplateService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.forms.ApplicationFormData;
import cn.cwca.portal.document.forms.BuiltInTemplates;
import cn.cwca.portal.document.forms.FormRenderer;
import cn.cwca.portal.document.forms.FormTexts;
import cn.cwca.portal.rules.AdministrativeDivisions;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The documents to download on step 4 (资料文件上传): the blank templates of the 《数字证书申请单》,
 * 《CWCA电子认证服务协议》, 《公共资源电子签章采集表》 and 《经办人授权委托书》, and the 申请单 filled in from one of the caller's
 * applications and the personal centre's data, as PDFs ({@link FormRenderer}); an administrator may
 * have replaced the blank templates but the 申请单's.
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ApplicationFormService {

  private static final FormRenderer RENDERER = new FormRenderer();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AccountService accounts;

  @Inject DocumentTemplateService templates;

  @Resource SessionContext session;

  /**
   * The blank template of a document: the one an administrator uploaded in 目录维护 when there is one
   * ({@link DocumentTemplateService}), else the built-in one.
   *
   * @throws IllegalArgumentException for a document without template ({@link
   *     DocumentType#hasTemplate()})
   */
  public byte[] template(DocumentType type) {
    if (type != null && type.hasReplaceableTemplate()) {
      return templates.served(type);
    }
    return BuiltInTemplates.of(type);
  }

  /**
   * The 申请单 of one of the caller's applications (any status), filled in with the application and
   * the caller's personal-centre data; empty for an unknown 申请ID and for another applicant's.
   */
  public Optional<byte[]> filledApplicationForm(String publicId) {
    return Applications.owned(em, session.getCallerPrincipal().getName(), publicId)
        .flatMap(
            a ->
                accounts
                    .find(a.getOwnerLoginName())
                    .map(account -> RENDERER.applicationForm(formData(a, account))));
  }

  /** What the 申请单 prints of an application and its owner's account, with the Chinese labels. */
  static ApplicationFormData formData(CertificateApplication a, Account account) {
    boolean organisation = a.getUserType() == AccountType.ORGANISATION;
    ApplicationFormData.Certificate certificate =
        new ApplicationFormData.Certificate(
            FormTexts.label("serviceType", a.getServiceType()),
            FormTexts.years(a.getYears()),
            a.getCertificateSubjectName(),
            a.getCertificateSerialHex());
    ApplicationFormData.Subject subject =
        new ApplicationFormData.Subject(
            organisation,
            FormTexts.label("accountType", a.getUserType()),
            account.getDisplayName(),
            organisation ? null : FormTexts.label("idType", account.getIdType()),
            account.getLoginName(),
            organisation ? account.getLegalRepresentative() : null,
            AdministrativeDivisions.get().fullName(account.getDivisionCode()),
            account.getMobile());
    ApplicationFormData.Agent agent =
        new ApplicationFormData.Agent(
            a.getAgentName(),
            a.getAgentMobile(),
            FormTexts.label("idType", a.getAgentIdType()),
            a.getAgentIdNumber());
    ApplicationFormData.Pickup pickup =
        a.getPickupMethod() == null
            ? null
            : new ApplicationFormData.Pickup(
                a.getPickupMethod(),
                FormTexts.label("pickupMethod", a.getPickupMethod()),
                a.getHandlingPointName(),
                a.getHandlingPointAddress(),
                a.getRecipientName(),
                a.getRecipientMobile(),
                a.getRecipientAddress(),
                a.getRemark(),
                a.getCollectorName(),
                a.getCollectorMobile(),
                a.getCollectorIdNumber());
    return new ApplicationFormData(a.getPublicId(), certificate, subject, agent, pickup);
  }
}
