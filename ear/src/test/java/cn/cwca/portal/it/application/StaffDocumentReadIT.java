package cn.cwca.portal.it.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.DocumentContent;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.TestIdentities;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff's read path of the documents ({@link ApplicationDocumentService#readForStaff}) through
 * the real services, called as {@link ReviewingApplicantMechanism#LOGIN_NAME}, an applicant with
 * the reviewer's role: any applicant's submitted application, never a draft or an unknown one. That
 * an applicant without a staff role is refused is in CertificateApplicationIT.
 */
@ExtendWith(ArquillianExtension.class)
class StaffDocumentReadIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.79");
  private static final String ME = ReviewingApplicantMechanism.LOGIN_NAME;
  private static final byte[] PDF = SampleDocuments.PDF;
  private static final byte[] PNG = SampleDocuments.PNG;

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTests(
        StaffDocumentReadIT.class,
        SampleDocuments.class,
        TestIdentities.class,
        ReviewingApplicantMechanism.class);
  }

  @EJB ApplicationService applications;
  @EJB ApplicationDocumentService documents;
  @EJB AccountService accounts;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  @BeforeEach
  void callerHasAnAccountAndNoDraft() {
    if (accounts.find(ME).isEmpty()) {
      accounts.registerPerson(TestIdentities.person(accounts, "审核测试人", ME), CLIENT);
    }
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), CLIENT));
  }

  @Test
  void theStaffReadTheDocumentsOfAnyApplicantsSubmittedApplication()
      throws SQLException, IOException {
    String id = draftWithDocuments();
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    applications.submit(shown(id), token, CLIENT);
    handOver(id, someoneElse());
    assertTrue(documents.read(id, DocumentType.AGENT_ID_COPY).isEmpty(), "no longer the caller's");

    DocumentContent copy = documents.readForStaff(id, DocumentType.AGENT_ID_COPY).orElseThrow();

    assertArrayEquals(PNG, copy.openStream().readAllBytes());
    assertEquals("image/png", copy.contentType());
    assertEquals("身份证.png", copy.fileName());
    assertEquals(DocumentType.AGENT_ID_COPY, copy.type());
    assertArrayEquals(
        PDF,
        documents
            .readForStaff(id, DocumentType.APPLICATION_FORM)
            .orElseThrow()
            .openStream()
            .readAllBytes());
    assertTrue(applications.findForStaff(id.toLowerCase()).isPresent(), "申请ID in any case");
  }

  @Test
  void theStaffReadNothingOfADraftAnUnknownApplicationOrAMissingDocument() {
    String draft = draftWithDocuments();
    assertTrue(documents.read(draft, DocumentType.AGENT_ID_COPY).isPresent(), "the owner reads it");
    assertTrue(documents.readForStaff(draft, DocumentType.AGENT_ID_COPY).isEmpty(), "a draft");
    assertTrue(applications.findForStaff(draft).isEmpty());

    String token = applications.findMine(draft).orElseThrow().getSubmissionToken();
    applications.submit(shown(draft), token, CLIENT);
    assertTrue(documents.readForStaff(draft, DocumentType.POWER_OF_ATTORNEY).isEmpty());
    assertTrue(documents.readForStaff(draft, null).isEmpty());
    assertTrue(documents.readForStaff("AAAAAAAAAAAAAAAA", DocumentType.AGENT_ID_COPY).isEmpty());
    assertTrue(documents.readForStaff(null, DocumentType.AGENT_ID_COPY).isEmpty());
  }

  /** A 新办 of a further key ready to submit, with the person's required documents uploaded. */
  private String draftWithDocuments() {
    String id =
        applications
            .saveCertificateInformation(
                DraftRef.NONE,
                new CertificateInformation(
                    ServiceType.NEW_OR_REPLACE,
                    1,
                    false,
                    true,
                    null,
                    null,
                    new AgentDetails(
                        "测试经办人",
                        TestIdentities.mobile(),
                        IdType.RESIDENT_ID,
                        TestIdentities.residentId()),
                    true),
                CLIENT)
            .getPublicId();
    applications.confirmUserInformation(shown(id));
    applications.savePickup(
        shown(id),
        PickupDetails.courier("李收货", TestIdentities.mobile(), "宁夏回族自治区银川市示例路2号", null),
        CLIENT);
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.type() == DocumentType.AGENT_ID_COPY) {
        documents.upload(id, slot.type(), DocumentUpload.of("身份证.png", PNG), CLIENT);
      } else if (slot.required()) {
        documents.upload(
            id, slot.type(), DocumentUpload.of(slot.type().name() + ".pdf", PDF), CLIENT);
      }
    }
    return id;
  }

  private String someoneElse() {
    String id = TestIdentities.residentId();
    accounts.registerPerson(TestIdentities.person(accounts, "其他申请人", id), CLIENT);
    return id;
  }

  private void handOver(String publicId, String newOwner) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "update certificate_application set owner_login_name = ? where public_id = ?")) {
      update.setString(1, newOwner);
      update.setString(2, publicId);
      assertEquals(1, update.executeUpdate());
    }
  }

  /** The draft as a page that reads it now shows it. */
  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }
}
