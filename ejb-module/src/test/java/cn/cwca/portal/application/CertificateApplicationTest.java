package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.catalogue.ManualCatalogue;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.PickupOption;
import cn.cwca.portal.catalogue.PriceQuote;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.common.BusinessException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateApplicationTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 2, 0);
  private static final byte[] DER = {0x30, 0x03, 0x02, 0x01, 0x01};
  private static final AgentDetails AGENT =
      new AgentDetails("王经办", "13912345678", IdType.RESIDENT_ID, "110101190001010006");

  private static CertificateApplication draft() {
    return CertificateApplication.draft(
        "91350100M000100Y43",
        AccountType.ORGANISATION,
        PublicIds.newApplicationId(),
        PublicIds.newSubmissionToken(),
        NOW);
  }

  private static CertificateApplication readyToSubmit() {
    CertificateApplication a = draft();
    a.recordCertificateInformation(
        ServiceType.NEW_OR_REPLACE, 1, false, false, null, null, AGENT, NOW);
    a.confirmUserInformation(NOW);
    a.recordPickup(
        new PickupOption(
            ServiceType.NEW_OR_REPLACE, false, PickupMethod.COURIER, ManualCatalogue.LIAOCHENG),
        "李收货",
        "13812345678",
        "山东省聊城市东昌府区示例路1号",
        null,
        null,
        null,
        null,
        NOW);
    return a;
  }

  @Test
  void newDraftOpensOnTheFirstStep() {
    CertificateApplication a = draft();
    assertTrue(a.isDraft());
    assertEquals(WizardStep.CERTIFICATE_INFORMATION, a.getWizardStep());
    assertNull(a.getSubmittedAt());
  }

  @Test
  void onlyApplicantsApply() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateApplication.draft("admin", AccountType.STAFF, "A", "B", NOW));
  }

  @Test
  void eachSavedStepMovesTheResumePointOn() {
    CertificateApplication a = readyToSubmit();
    assertEquals(WizardStep.DOCUMENTS, a.getWizardStep());
    assertEquals("山东聊城办理点", a.getHandlingPointName());
    assertEquals("山东省聊城市", a.getHandlingPointAddress());
    assertTrue(a.isComplete());
  }

  @Test
  void goingBackNeverMovesForward() {
    CertificateApplication a = readyToSubmit();
    a.goBackTo(WizardStep.CONFIRMATION, NOW);
    assertEquals(WizardStep.CONFIRMATION, a.getWizardStep());
    a.goBackTo(WizardStep.DOCUMENTS, NOW);
    assertEquals(WizardStep.CONFIRMATION, a.getWizardStep());
  }

  @Test
  void changingTheCertificateInformationAsksForConfirmationAgain() {
    CertificateApplication a = readyToSubmit();
    a.recordCertificateInformation(
        ServiceType.NEW_OR_REPLACE, 2, false, false, null, null, AGENT, NOW);
    assertFalse(a.isUserInformationConfirmed());
    assertFalse(a.isComplete());
    BusinessException e =
        assertThrows(BusinessException.class, () -> a.submit(new PriceQuote(BigDecimal.ZERO), NOW));
    assertEquals("application.stepsIncomplete", e.messageKey());
  }

  @Test
  void pickupFieldsOfTheOtherMethodAreDropped() {
    CertificateApplication a = readyToSubmit();
    a.recordPickup(
        new PickupOption(
            ServiceType.NEW_OR_REPLACE, false, PickupMethod.PICKUP, ManualCatalogue.LIAOCHENG),
        null,
        null,
        null,
        null,
        "赵取证",
        "13712345678",
        "110101190001010006",
        NOW);
    assertEquals(PickupMethod.PICKUP, a.getPickupMethod());
    assertNull(a.getRecipientName());
    assertEquals("赵取证", a.getCollectorName());
  }

  @Test
  void confirmationNeedsTheFirstStep() {
    BusinessException e =
        assertThrows(BusinessException.class, () -> draft().confirmUserInformation(NOW));
    assertEquals("application.stepsIncomplete", e.messageKey());
  }

  @Test
  void freeOrderCountsAsPaidOnSubmission() {
    CertificateApplication a = readyToSubmit();
    OrderStep step = a.submit(new PriceQuote(new BigDecimal("0.00")), NOW);
    assertEquals(OrderEvent.SUBMIT_FREE, step.event());
    assertEquals(OrderStatus.AWAITING_REVIEW, a.getStatus());
    assertEquals(ReviewStatus.PENDING, a.getReviewStatus());
    assertEquals(PaymentStatus.PAID, a.getPaymentStatus());
    assertEquals(NOW, a.getSubmittedAt());
    assertEquals(NOW, a.getPaidAt());
    assertFalse(a.isCancellable());
    assertFalse(a.isPayable());
  }

  @Test
  void aPaidOrderRecordsWhenItsPaymentSettledAndKeepsItThroughItsLaterSteps() {
    CertificateApplication a = readyToSubmit();
    a.submit(new PriceQuote(new BigDecimal("300.00")), NOW);
    assertNull(a.getPaidAt());
    a.take(OrderEvent.PAY, NOW.plusHours(2));
    assertEquals(NOW.plusHours(2), a.getPaidAt());
    a.take(OrderEvent.REJECT, NOW.plusHours(3));
    a.take(OrderEvent.RESUBMIT, NOW.plusHours(4));
    a.take(OrderEvent.APPROVE, NOW.plusHours(5));
    assertEquals(NOW.plusHours(2), a.getPaidAt());
  }

  @Test
  void paidOrderWaitsForPaymentAndMayBeCancelled() {
    CertificateApplication a = readyToSubmit();
    a.submit(PriceQuote.itemised(new BigDecimal("300.00"), new BigDecimal("150.00")), NOW);
    assertEquals(OrderStatus.AWAITING_PAYMENT, a.getStatus());
    assertEquals(PaymentStatus.UNPAID, a.getPaymentStatus());
    assertEquals(new BigDecimal("150.00"), a.getQuote().certificateAmount());
    assertEquals(new BigDecimal("150.00"), a.getQuote().keyAmount());
    assertTrue(a.isPayable());
    assertTrue(a.isCancellable());
    a.take(OrderEvent.CANCEL, NOW.plusHours(1));
    assertEquals(ReviewStatus.CANCELLED, a.getReviewStatus());
    assertEquals(NOW.plusHours(1), a.getCancelledAt());
    assertFalse(a.isPayable());
  }

  @Test
  void refusesToCancelTwiceOrAPaidOrderAndChangesNothing() {
    CertificateApplication cancelled = readyToSubmit();
    cancelled.submit(new PriceQuote(new BigDecimal("300.00")), NOW);
    cancelled.take(OrderEvent.CANCEL, NOW);
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> cancelled.take(OrderEvent.CANCEL, NOW.plusDays(1)));
    assertEquals("order.stepRefused", e.messageKey());
    assertEquals(NOW, cancelled.getCancelledAt());

    CertificateApplication free = readyToSubmit();
    free.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    assertThrows(BusinessException.class, () -> free.take(OrderEvent.CANCEL, NOW));
    assertEquals(OrderStatus.AWAITING_REVIEW, free.getStatus());
    assertNull(free.getCancelledAt());
  }

  @Test
  void aCourierOrderIsShippedAndSignedForButNeverHandedOver() {
    CertificateApplication a = readyToSubmit();
    a.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    a.take(OrderEvent.APPROVE, NOW);
    a.take(OrderEvent.MAKE_CERTIFICATE, NOW);
    assertThrows(BusinessException.class, () -> a.take(OrderEvent.READY_FOR_PICKUP, NOW));
    a.take(OrderEvent.SHIP, NOW);
    assertThrows(BusinessException.class, () -> a.take(OrderEvent.HAND_OVER, NOW));
    a.take(OrderEvent.SIGN, NOW.plusDays(2));
    assertEquals(OrderStatus.COMPLETED, a.getStatus());
    assertEquals(NOW.plusDays(2), a.getCompletedAt());
  }

  @Test
  void aSubmittedOrderNoLongerChanges() {
    CertificateApplication a = readyToSubmit();
    a.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                a.recordCertificateInformation(
                    ServiceType.RENEW, 1, null, false, null, null, AGENT, NOW));
    assertEquals("application.notDraft", e.messageKey());
    assertThrows(BusinessException.class, () -> a.submit(new PriceQuote(BigDecimal.ZERO), NOW));
  }

  @Test
  void yearsAndKeyQuestionsAreKeptOnlyWhereTheServiceTypeAsksThem() {
    CertificateApplication a = draft();
    a.recordCertificateInformation(ServiceType.CHANGE, 3, true, true, null, null, AGENT, NOW);
    assertNull(a.getYears());
    assertNull(a.getHoldsUnexpiredJiangsuKey());
    assertFalse(a.isFurtherPaidKey());
  }

  @Test
  void theCertificateConcernedIsRecordedWithItsSubjectName() {
    CertificateApplication a = draft();
    a.recordCertificateInformation(
        ServiceType.LOST,
        null,
        null,
        false,
        new ConcernedCertificate(
            "1a2b",
            "serialNumber=91350100M000100Y43,CN=示例公司,O=示例公司,C=CN",
            NOW,
            NOW.plusYears(1),
            null),
        null,
        AGENT,
        NOW);
    assertEquals("1a2b", a.getCertificateSerialHex());
    assertEquals("示例公司", a.getCertificateSubjectName());
  }

  @Test
  void theTimeTheKeyProvedItsCertificateIsKeptWithTheCertificateReadFromTheKeyOnly() {
    CertificateApplication a = draft();
    ConcernedCertificate fromKey =
        new ConcernedCertificate(
            "1a2b", "serialNumber=91350100M000100Y43,CN=示例公司,C=CN", NOW, NOW.plusDays(30), DER);
    a.recordCertificateInformation(
        ServiceType.RENEW, 1, null, false, fromKey, NOW.minusMinutes(2), AGENT, NOW);
    assertEquals(NOW.minusMinutes(2), a.getCertificateKeyProvenAt());

    ConcernedCertificate fromRegistry =
        new ConcernedCertificate(
            "1a2b", "serialNumber=91350100M000100Y43,CN=示例公司,C=CN", NOW, NOW.plusDays(30), null);
    a.recordCertificateInformation(
        ServiceType.LOST, null, null, false, fromRegistry, NOW, AGENT, NOW);
    assertNull(a.getCertificateKeyProvenAt(), "no certificate read from the key, nothing proven");

    a.recordCertificateInformation(
        ServiceType.NEW_OR_REPLACE, 1, false, false, null, NOW, AGENT, NOW);
    assertNull(a.getCertificateKeyProvenAt());
  }

  @Test
  void whatIsTypedIsKeptUncheckedPerStepUntilTheStepIsSaved() {
    CertificateApplication a = draft();
    a.keepUncheckedInput(
        WizardStep.CERTIFICATE_INFORMATION,
        UncheckedInput.of(
            Map.of(
                InputField.AGENT_NAME,
                "王",
                InputField.AGENT_MOBILE,
                "139",
                InputField.REMARK,
                "x")),
        NOW.plusMinutes(1));
    a.keepUncheckedInput(
        WizardStep.PICKUP,
        UncheckedInput.of(Map.of(InputField.RECIPIENT_NAME, "李")),
        NOW.plusMinutes(2));

    assertEquals("139", a.getUncheckedInput().text(InputField.AGENT_MOBILE), "kept as typed");
    assertFalse(a.getUncheckedInput().has(InputField.REMARK), "not a field of 证书信息填写");
    assertEquals("李", a.getUncheckedInput().text(InputField.RECIPIENT_NAME));
    assertEquals(NOW.plusMinutes(2), a.getUpdatedAt());
    assertEquals(WizardStep.CERTIFICATE_INFORMATION, a.getWizardStep(), "no step is saved");
    assertNull(a.getServiceType());

    a.keepUncheckedInput(
        WizardStep.CERTIFICATE_INFORMATION,
        UncheckedInput.of(Map.of(InputField.AGENT_NAME, "王经")),
        NOW);
    assertFalse(a.getUncheckedInput().has(InputField.AGENT_MOBILE), "each change sends the form");
    assertEquals("王经", a.getUncheckedInput().text(InputField.AGENT_NAME));

    a.recordCertificateInformation(
        ServiceType.NEW_OR_REPLACE, 1, false, false, null, null, AGENT, NOW);
    assertFalse(
        a.getUncheckedInput().has(InputField.AGENT_NAME), "saved: the checked values count");
    assertEquals(
        "李", a.getUncheckedInput().text(InputField.RECIPIENT_NAME), "step 3 not saved yet");

    a.confirmUserInformation(NOW);
    a.recordPickup(
        new PickupOption(
            ServiceType.NEW_OR_REPLACE, false, PickupMethod.COURIER, ManualCatalogue.LIAOCHENG),
        "李收货",
        "13812345678",
        "山东省聊城市东昌府区示例路1号",
        null,
        null,
        null,
        null,
        NOW);
    assertTrue(a.getUncheckedInput().isEmpty());
  }

  @Test
  void aSubmittedOrderKeepsNoTypedInput() {
    CertificateApplication a = readyToSubmit();
    a.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                a.keepUncheckedInput(
                    WizardStep.PICKUP, UncheckedInput.of(Map.of(InputField.REMARK, "晚了")), NOW));
    assertEquals("application.notDraft", e.messageKey());
  }

  @Test
  void aClaimHoldsAnOrderWaitingForReviewAndEndsWithItsNextStep() {
    CertificateApplication a = readyToSubmit();
    assertThrows(BusinessException.class, () -> a.claimForReview("reviewer1", NOW.plusMinutes(30)));
    a.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    assertTrue(a.isAwaitingReview());
    assertEquals(1, a.getReviewStage());

    a.claimForReview("reviewer1", NOW.plusMinutes(30));
    assertEquals("reviewer1", a.getClaimedBy());
    assertEquals(NOW.plusMinutes(30), a.getClaimedUntil());

    a.take(OrderEvent.FIRST_APPROVE, NOW);
    assertNull(a.getClaimedBy(), "the decision ends the claim");
    assertNull(a.getClaimedUntil());
    assertEquals(2, a.getReviewStage());

    a.claimForReview("reviewer2", NOW.plusMinutes(30));
    a.releaseReviewClaim();
    assertNull(a.getClaimedBy());
  }

  @Test
  void aResubmissionAfterRejectionStartsTheNextRound() {
    CertificateApplication a = readyToSubmit();
    a.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    assertEquals(1, a.getReviewRound());
    assertFalse(a.isResubmittable());

    a.take(OrderEvent.REJECT, NOW);
    assertTrue(a.isResubmittable());
    assertEquals(1, a.getReviewRound(), "rejected in round 1");
    BusinessException e =
        assertThrows(BusinessException.class, () -> a.claimForReview("r", NOW.plusMinutes(1)));
    assertEquals("review.notAwaiting", e.messageKey());

    a.take(OrderEvent.RESUBMIT, NOW);
    assertEquals(OrderStatus.AWAITING_REVIEW, a.getStatus());
    assertEquals(2, a.getReviewRound());
    assertEquals(OrderStatus.AWAITING_REVIEW, a.getStatus());
  }

  @Test
  void anApprovedOrderKeepsTheSubjectItWasApprovedWith() {
    CertificateApplication a = readyToSubmit();
    a.submit(new PriceQuote(BigDecimal.ZERO), NOW);
    cn.cwca.portal.certificate.ApprovedSubject subject =
        new cn.cwca.portal.certificate.ApprovedSubject(
            "聊城市示例科技有限公司",
            cn.cwca.portal.certificate.ApprovedSubject.CodeType.USCC,
            "91350100M000100Y43",
            "张三",
            "371502",
            "山东省",
            "聊城市");
    assertThrows(IllegalStateException.class, () -> a.recordApprovedSubject(subject, NOW));
    assertNull(a.getApprovedSubject());

    a.take(OrderEvent.APPROVE, NOW);
    a.recordApprovedSubject(subject, NOW.plusSeconds(1));

    assertEquals(subject, a.getApprovedSubject());
    assertEquals(NOW.plusSeconds(1), a.getApprovedAt());
    assertThrows(
        IllegalStateException.class, () -> a.recordApprovedSubject(subject, NOW), "only once");
  }
}
