package cn.cwca.portal.it.application;

import cn.cwca.portal.account.IdType;
import cn.cwca.portal.application.AgentDetails;
import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.application.ApplicationService;
import cn.cwca.portal.application.CertificateInformation;
import cn.cwca.portal.application.DraftRef;
import cn.cwca.portal.application.PickupDetails;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.document.DocumentSlot;
import cn.cwca.portal.document.DocumentUpload;
import cn.cwca.portal.invoice.InvoiceBuyerState;
import cn.cwca.portal.invoice.InvoiceService;
import cn.cwca.portal.it.TestIdentities;

/**
 * Orders of the calling applicant, made through the real wizard (step 1, confirmation, 邮寄 or 自取,
 * the required documents, 提交申请), for the tests of what follows submission (payment, invoices,
 * delivery).
 */
public final class SubmittedOrders {

  private final ApplicationService applications;
  private final ApplicationDocumentService documents;
  private final ClientInfo client;
  private final InvoiceService invoices;

  public SubmittedOrders(
      ApplicationService applications,
      ApplicationDocumentService documents,
      ClientInfo client,
      InvoiceService invoices) {
    this.applications = applications;
    this.documents = documents;
    this.client = client;
    this.invoices = invoices;
  }

  /**
   * 新办, a further (paid) key for one year, shipped: waits for payment, with the 开票信息 saved as the
   * account fills it in (立即支付's second step).
   */
  public String awaitingPayment() {
    String id = submitted(true);
    InvoiceBuyerState prefill = invoices.buyer(id).orElseThrow();
    invoices.saveBuyer(id, prefill.version(), prefill.buyer(), client);
    return id;
  }

  /** 新办, the free first key: counts as paid at once. */
  public String free() {
    return submitted(false, courier());
  }

  /**
   * 新办, the free first key, collected at the counter of 山东聊城 (the only key that may be 自取) by this
   * 取证人: counts as paid at once. The caller must have no other standing order for a free key.
   */
  public String freePickup(String collectorName, String collectorMobile, String collectorIdNumber) {
    return submitted(
        false, PickupDetails.pickup(collectorName, collectorMobile, collectorIdNumber));
  }

  private String submitted(boolean furtherPaidKey) {
    return submitted(furtherPaidKey, courier());
  }

  private static PickupDetails courier() {
    return PickupDetails.courier("李收货", TestIdentities.mobile(), "山东省聊城市东昌府区示例路1号", null);
  }

  private String submitted(boolean furtherPaidKey, PickupDetails pickup) {
    applications.currentDraft().ifPresent(d -> applications.discardDraft(d.getPublicId(), client));
    String id =
        applications
            .saveCertificateInformation(
                DraftRef.NONE,
                new CertificateInformation(
                    ServiceType.NEW_OR_REPLACE,
                    1,
                    false,
                    furtherPaidKey,
                    null,
                    null,
                    new AgentDetails(
                        "测试经办人",
                        TestIdentities.mobile(),
                        IdType.RESIDENT_ID,
                        TestIdentities.residentId()),
                    true),
                client)
            .getPublicId();
    return submit(id, pickup);
  }

  /**
   * The rest of the wizard for a draft whose step 1 is saved: 用户信息确认, the pickup, the required
   * documents and 提交申请; the 申请ID.
   */
  public String submit(String id, PickupDetails pickup) {
    applications.confirmUserInformation(shown(id));
    applications.savePickup(shown(id), pickup, client);
    for (DocumentSlot slot : documents.slots(id)) {
      if (slot.required()) {
        documents.upload(
            id,
            slot.type(),
            DocumentUpload.of(slot.type().name() + ".pdf", SampleDocuments.PDF),
            client);
      }
    }
    String token = applications.findMine(id).orElseThrow().getSubmissionToken();
    applications.submit(shown(id), token, client);
    return id;
  }

  private DraftRef shown(String publicId) {
    return DraftRef.of(applications.findMine(publicId).orElseThrow());
  }
}
