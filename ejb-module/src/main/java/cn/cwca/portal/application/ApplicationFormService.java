package cn.cwca.portal.application;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.document.forms.ApplicationFormData;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents to download on step 4 (资料文件上传): the blank templates of the 《数字证书申请单》,
 * 《CWCA电子认证服务协议》, 《公共资源电子签章采集表》 and 《经办人授权委托书》, and the 申请单 filled in from one of the caller's
 * applications and the personal centre's data, as PDFs ({@link FormRenderer}).
 */
@Stateless
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@RolesAllowed("APPLICANT")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ApplicationFormService {

  /** The blank templates never change while the application runs: rendered once each. */
  private static final Map<DocumentType, byte[]> TEMPLATES = new ConcurrentHashMap<>();

  private static final FormRenderer RENDERER = new FormRenderer();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AccountService accounts;

  @Resource SessionContext session;

  /**
   * The blank template of a document.
   *
   * @throws IllegalArgumentException for a document without template ({@link
   *     DocumentType#hasTemplate()})
   */
  public byte[] template(DocumentType type) {
    if (type == null || !type.hasTemplate()) {
      throw new IllegalArgumentException("no template for " + type);
    }
    return TEMPLATES.computeIfAbsent(type, RENDERER::template).clone();
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
