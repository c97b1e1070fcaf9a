package cn.cwca.portal.issuance;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.CertificateApplication;
import cn.cwca.portal.application.OrderEvent;
import cn.cwca.portal.application.OrderLifecycle;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.application.OrderSteps;
import cn.cwca.portal.application.Orders;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.catalogue.CertificateSource;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.certificate.CertificateRecord;
import cn.cwca.portal.certificate.CertificateRegistry;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.certificate.OrderIssuance;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.common.Messages;
import cn.cwca.portal.sms.SmsGateway;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * 制证: the certificate of an approved, paid order, made onto a USB key, by the applicant with the
 * key they hold (自助: 更新, 变更, 变更+更新) or by an operator on a new key at the office (邮寄, 自取). It is
 * the only way to a certificate: it runs as {@link CertificateService#CA_ISSUER} towards the CA,
 * and checks the order first. An order gets one certificate; 制证 again after an interruption gives
 * the same one to write again. The old certificate of 更新 is superseded and that of 变更 revoked once
 * the new one is confirmed on the key.
 */
@Stateless
@DeclareRoles({"APPLICANT", "OPERATOR", CertificateService.CA_ISSUER})
@RunAs(CertificateService.CA_ISSUER)
public class IssuanceService {

  /** Audit actions (target {@code application:<申请ID>}). */
  static final String PIN_SENT = "issuance.pinSent";

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Orders orders;

  @Inject OrderSteps steps;

  @Inject CertificateService certificates;

  @Inject CertificateRegistry registry;

  @Inject KeyProofs proofs;

  @Inject SmsGateway sms;

  @Inject AuditLog audit;

  @Resource SessionContext session;

  // --- 自助 ------------------------------------------------------------------------------------

  /**
   * The 制证 page of one of the caller's self-service orders, with a new nonce when a proof of the
   * old certificate's key is asked.
   *
   * @throws BusinessException {@code application.notFound}, {@code issuance.notSelfService}
   */
  @RolesAllowed("APPLICANT")
  public SelfServiceView selfService(String publicId) {
    String owner = caller();
    CertificateApplication order =
        orders
            .owned(owner, publicId)
            .filter(a -> !a.isDraft())
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (order.getPickupMethod() != PickupMethod.SELF_SERVICE) {
      throw new BusinessException("issuance.notSelfService");
    }
    boolean proof = order.getStatus() == OrderStatus.APPROVED && needsProof(order.getServiceType());
    return new SelfServiceView(
        order.getPublicId(),
        order.getServiceType(),
        order.getStatus(),
        proof ? order.getCertificateSerialHex() : null,
        proof ? proofs.challenge(owner, purpose(order)) : null,
        made(order).orElse(null));
  }

  /**
   * 制证 (自助): issues the certificate for the key pair the agent made on the applicant's key, in the
   * order's transaction; for 更新 and 变更 only with the proof that the same key holds the old
   * certificate's private key. An order already made answers the same certificate.
   *
   * @param csrBase64 the PKCS#10 request the agent made on the key
   * @param origin the portal's public origin (the agent signed the proof for it)
   * @throws BusinessException {@code application.notFound}, {@code issuance.notSelfService}, {@code
   *     order.stepRefused} (not approved), the proof's {@code issuance.proofRequired}, {@code
   *     .proofExpired}, {@code .proofInvalid}; {@code issuance.requestInvalid}, {@code
   *     certificate.requestRefused}, {@code certificate.weakKey}
   */
  @RolesAllowed("APPLICANT")
  public MadeCertificate makeSelfService(
      String publicId, String csrBase64, KeyProof proof, String origin, ClientInfo c) {
    String owner = caller();
    CertificateApplication order =
        orders
            .lockOwned(owner, publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (order.getPickupMethod() != PickupMethod.SELF_SERVICE) {
      throw new BusinessException("issuance.notSelfService");
    }
    Optional<MadeCertificate> before = made(order);
    if (before.isPresent()) {
      return before.get();
    }
    if (order.getStatus() != OrderStatus.APPROVED) {
      throw OrderLifecycle.refusal(order.getStatus(), OrderEvent.MAKE_CERTIFICATE);
    }
    if (needsProof(order.getServiceType())) {
      proofs.verify(owner, proof, purpose(order), origin, order.getCertificateDer());
    }
    return issue(order, csrBase64, null, owner, c);
  }

  /**
   * The certificate is on the applicant's key: the order is 已完成, and the old certificate of 更新
   * superseded, of 变更 revoked (affiliationChanged); both show at once in OCSP and the next CRL.
   *
   * @throws BusinessException {@code application.notFound}, {@code issuance.notSelfService}, {@code
   *     order.stepRefused}
   */
  @RolesAllowed("APPLICANT")
  public void confirmOnKey(String publicId, ClientInfo c) {
    String owner = caller();
    CertificateApplication order =
        orders
            .lockOwned(owner, publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (order.getPickupMethod() != PickupMethod.SELF_SERVICE) {
      throw new BusinessException("issuance.notSelfService");
    }
    steps.take(
        order, OrderEvent.CONFIRM_ON_KEY, owner, c, "certificate=" + order.getIssuedSerialHex());
    ServiceType type = order.getServiceType();
    if (type.certificateSource() == CertificateSource.FROM_KEY) {
      revokeIfKnown(
          order.getCertificateSerialHex(),
          type.isChange() ? RevocationReason.AFFILIATION_CHANGED : RevocationReason.SUPERSEDED,
          c);
    }
  }

  // --- office --------------------------------------------------------------------------------

  /** The approved orders whose key the office makes (邮寄 and 自取), oldest approval first. */
  @RolesAllowed("OPERATOR")
  public List<OfficeOrder> officeQueue() {
    return em
        .createQuery(
            "SELECT a FROM CertificateApplication a"
                + " WHERE a.status = cn.cwca.portal.application.OrderStatus.APPROVED"
                + " AND a.pickupMethod IN (cn.cwca.portal.catalogue.PickupMethod.COURIER,"
                + " cn.cwca.portal.catalogue.PickupMethod.PICKUP)"
                + " ORDER BY a.approvedAt, a.submittedAt",
            CertificateApplication.class)
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(
            a ->
                new OfficeOrder(
                    a.getPublicId(),
                    a.getApprovedSubject() == null ? null : a.getApprovedSubject().name(),
                    a.getServiceType(),
                    a.getPickupMethod(),
                    a.getHandlingPointName(),
                    a.getApprovedAt()))
        .toList();
  }

  /**
   * A new user PIN for the key the office makes for an order, sent to the applicant by SMS and
   * handed to the key agent, which sets it on the new key; never shown on the page, logged or
   * audited (the audit says that one was sent).
   *
   * @throws BusinessException {@code application.notFound}, {@code issuance.notAtOffice}, {@code
   *     order.stepRefused} (not approved)
   */
  @RolesAllowed("OPERATOR")
  public String sendUserPin(String publicId, ClientInfo c) {
    CertificateApplication order = officeOrder(publicId);
    if (order.getStatus() != OrderStatus.APPROVED) {
      throw OrderLifecycle.refusal(order.getStatus(), OrderEvent.MAKE_CERTIFICATE);
    }
    String pin = String.format("%08d", RANDOM.nextInt(100_000_000));
    String mobile =
        em.createQuery(
                "SELECT acc.mobile FROM Account acc WHERE acc.loginName = :owner", String.class)
            .setParameter("owner", order.getOwnerLoginName())
            .getSingleResult();
    sms.send(mobile, Messages.format("sms.order.userPin", order.getPublicId(), pin));
    audit.record(caller(), PIN_SENT, "application:" + order.getPublicId(), null, c);
    return pin;
  }

  /**
   * Office 制证: issues the certificate for the key pair the agent made on a new USB key, records the
   * key's serial, and for 自取 puts the order at the counter (未领取). An order already made answers the
   * same certificate.
   *
   * @throws BusinessException {@code application.notFound}, {@code issuance.notAtOffice}, {@code
   *     order.stepRefused}, {@code issuance.requestInvalid}, {@code certificate.requestRefused},
   *     {@code certificate.weakKey}
   */
  @RolesAllowed("OPERATOR")
  public MadeCertificate makeAtOffice(
      String publicId, String csrBase64, String usbKeySerial, ClientInfo c) {
    CertificateApplication order = officeOrder(publicId);
    Optional<MadeCertificate> before = made(order);
    if (before.isPresent()) {
      return before.get();
    }
    if (order.getStatus() != OrderStatus.APPROVED) {
      throw OrderLifecycle.refusal(order.getStatus(), OrderEvent.MAKE_CERTIFICATE);
    }
    String operator = caller();
    MadeCertificate made = issue(order, csrBase64, usbKeySerial, operator, c);
    if (order.getPickupMethod() == PickupMethod.PICKUP) {
      steps.take(order, OrderEvent.READY_FOR_PICKUP, operator, c, null);
    }
    return made;
  }

  // ---------------------------------------------------------------------------------------------

  private MadeCertificate issue(
      CertificateApplication order,
      String csrBase64,
      String usbKeySerial,
      String actor,
      ClientInfo c) {
    byte[] csr;
    try {
      csr = Base64.getDecoder().decode(csrBase64 == null ? "" : csrBase64.strip());
    } catch (IllegalArgumentException e) {
      throw new BusinessException("issuance.requestInvalid");
    }
    if (csr.length == 0 || order.getApprovedSubject() == null) {
      throw new BusinessException("issuance.requestInvalid");
    }
    boolean keepsValidity = !order.getServiceType().needsYears();
    CertificateRecord record =
        certificates.issueForOrder(
            new OrderIssuance(
                order.getOwnerLoginName(),
                order.getUserType() == AccountType.ORGANISATION,
                order.getApprovedSubject(),
                csr,
                keepsValidity ? 1 : order.getYears(),
                keepsValidity ? order.getCertificateNotAfter() : null),
            actor,
            c);
    order.recordIssued(record.getSerialHex(), usbKeySerial);
    steps.take(
        order,
        OrderEvent.MAKE_CERTIFICATE,
        actor,
        c,
        "certificate="
            + record.getSerialHex()
            + (usbKeySerial == null ? "" : ", key=" + usbKeySerial));
    return made(record);
  }

  private CertificateApplication officeOrder(String publicId) {
    CertificateApplication order =
        orders
            .lockSubmitted(publicId)
            .orElseThrow(() -> new BusinessException("application.notFound"));
    if (order.getPickupMethod() == PickupMethod.SELF_SERVICE) {
      throw new BusinessException("issuance.notAtOffice");
    }
    return order;
  }

  /** The certificate made for the order before, to write again. */
  private Optional<MadeCertificate> made(CertificateApplication order) {
    return Optional.ofNullable(order.getIssuedSerialHex())
        .flatMap(registry::findBySerial)
        .map(this::made);
  }

  private MadeCertificate made(CertificateRecord record) {
    Base64.Encoder b64 = Base64.getEncoder();
    return new MadeCertificate(
        record.getSerialHex(),
        b64.encodeToString(record.getDer()),
        certificates.caCertificates().stream().map(b64::encodeToString).toList());
  }

  private void revokeIfKnown(String serialHex, RevocationReason reason, ClientInfo c) {
    if (serialHex != null && registry.findBySerial(serialHex).isPresent()) {
      certificates.revoke(serialHex, reason, c);
    }
  }

  private static boolean needsProof(ServiceType type) {
    return type.certificateSource() == CertificateSource.FROM_KEY;
  }

  private static String purpose(CertificateApplication order) {
    return "make:" + order.getPublicId();
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
