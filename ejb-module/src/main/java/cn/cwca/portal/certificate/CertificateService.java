package cn.cwca.portal.certificate;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.AccountService;
import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CaIssuer;
import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CertificateStatus;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.RequestRefusedException;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.ca.RevokedCertificate;
import cn.cwca.portal.ca.Subject;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issues and revokes certificates through the CA connector and keeps the registry in step, in the
 * caller's JTA transaction: a certificate the CA signed is recorded with the key id of its issuing
 * CA or, when the transaction rolls back, forgotten (the signature alone grants nothing: it was
 * never handed out). Signs CRLs and OCSP answers from the registry, per issuing CA: after a
 * rollover, the earlier issuing CAs whose keys the CA still holds sign those of their own
 * certificates.
 */
@Stateless
@DeclareRoles({
  "APPLICANT",
  "REVIEWER",
  "OPERATOR",
  "FINANCE",
  "ADMIN",
  CertificateService.CA_ISSUER
})
public class CertificateService {

  /**
   * The role the 制证 service runs as when it asks for a certificate ({@code @RunAs}); no account
   * holds it (the database refuses it as an account's role).
   */
  public static final String CA_ISSUER = "CA_ISSUER";

  private static final Logger LOG = Logger.getLogger(CertificateService.class.getName());

  /** Audit actions. */
  static final String ISSUED = "certificate.issued";

  static final String REVOKED = "certificate.revoked";

  /**
   * How long a CRL is valid; it is signed again on every revocation and when it is older than half
   * this.
   */
  static final Duration CRL_VALIDITY = Duration.ofHours(24);

  @Resource(lookup = CaConnectorDefinition.JNDI_NAME)
  CaConnectionFactory ca;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject OcspAnswerCache ocspAnswers;

  @Inject OcspSignatureBudget ocspSignatures;

  @Inject Event<OcspAnswerCache.CertificateRevoked> revocations;

  @Inject AccountService accounts;

  @Inject CertificateRegistry registry;

  @Resource SessionContext session;

  Clock clock = Clock.systemUTC();

  /**
   * Issues a certificate to the owner from a PKCS#10 request, with the subject of the owner's
   * verified account data. Only the 制证 of an order may issue ({@link #CA_ISSUER}): no person holds
   * that role, and the 制证 service checks that the order is approved, paid and the caller's (or an
   * operator's) before it asks.
   *
   * @throws BusinessException {@code certificate.requestRefused} (no proof of possession, malformed
   *     request), {@code certificate.weakKey}, {@code account.notFound}
   */
  @RolesAllowed(CA_ISSUER)
  public CertificateRecord issue(
      String ownerLoginName, byte[] pkcs10Der, int validityYears, ClientInfo c) {
    Account owner =
        accounts.find(ownerLoginName).orElseThrow(() -> new BusinessException("account.notFound"));
    return record(
        new IssueRequest(pkcs10Der, profileOf(owner), subjectOf(owner), validityYears),
        owner.getLoginName(),
        caller(),
        c);
  }

  /**
   * Issues the certificate of an approved order: the subject as it was reviewed, for the years of
   * the order or, for a replacement (变更, 丢失补办), until the certificate it replaces ends.
   *
   * @param actor who makes it: the applicant (自助) or the operator (office 制证)
   * @throws BusinessException {@code certificate.requestRefused}, {@code certificate.weakKey}
   */
  @RolesAllowed(CA_ISSUER)
  public CertificateRecord issueForOrder(OrderIssuance order, String actor, ClientInfo c) {
    CertificateProfile profile =
        order.organisation() ? CertificateProfile.ORGANISATION : CertificateProfile.NATURAL_PERSON;
    Subject subject = subjectOf(order.subject());
    IssueRequest request =
        order.notAfter() != null
            ? IssueRequest.until(
                order.pkcs10Der(), profile, subject, order.notAfter().toInstant(ZoneOffset.UTC))
            : new IssueRequest(order.pkcs10Der(), profile, subject, order.validityYears());
    return record(request, order.ownerLoginName(), actor, c);
  }

  private CertificateRecord record(
      IssueRequest request, String ownerLoginName, String actor, ClientInfo c) {
    IssuedCertificate issued;
    try (CaConnection connection = ca.getConnection()) {
      issued = connection.issue(request);
    } catch (RequestRefusedException refused) {
      throw new BusinessException(
          refused.reason() == RequestRefusedException.Reason.KEY_NOT_ALLOWED
              ? "certificate.weakKey"
              : "certificate.requestRefused");
    } catch (CaException e) {
      throw new EJBException("The CA did not issue the certificate", e);
    }
    CertificateRecord record =
        new CertificateRecord(
            new CertificateRecord.Issued(
                normalised(issued.serialHex()),
                issued.subjectDn(),
                ownerLoginName,
                request.profile().name(),
                issued.keyAlgorithm().name(),
                utc(issued.notBefore()),
                utc(issued.notAfter()),
                issued.der(),
                issued.issuerKeyId()),
            now());
    em.persist(record);
    audit.record(
        actor,
        ISSUED,
        target(record.getSerialHex()),
        "owner=" + ownerLoginName + ", subject=" + issued.subjectDn(),
        c);
    return record;
  }

  /** 我的证书: the caller's own certificates, newest first, whatever their status. */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public List<CertificateRecord> ownCertificates() {
    return registry.certificatesOf(caller());
  }

  /**
   * The DER encoding of one of the caller's own certificates; empty for a serial the registry does
   * not know or that belongs to someone else (the two are not told apart).
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN"})
  public Optional<byte[]> ownCertificateDer(String serialHex) {
    return validSerial(serialHex)
        .flatMap(serial -> registry.findOwned(caller(), serial))
        .map(CertificateRecord::getDer);
  }

  /**
   * Revokes a certificate (RFC 5280 reason) and signs a new CRL in the same transaction. Revoking a
   * revoked certificate changes nothing. The owner may revoke their own certificate; staff any.
   *
   * @throws BusinessException {@code certificate.notFound}
   */
  @RolesAllowed({"APPLICANT", "REVIEWER", "OPERATOR", "ADMIN", CA_ISSUER})
  public void revoke(String serialHex, RevocationReason reason, ClientInfo c) {
    CertificateRecord record =
        registry
            .findBySerial(normalised(serialHex))
            .orElseThrow(() -> new BusinessException("certificate.notFound"));
    requireOwnerOrStaff(record.getOwnerLoginName());
    if (record.revoke(reason.name(), now())) {
      audit.record(caller(), REVOKED, target(record.getSerialHex()), "reason=" + reason, c);
      em.flush();
      List<CaIssuer> issuers = issuers();
      String current = issuers.get(0).keyId();
      CaIssuer issuer =
          issuers.stream()
              .filter(i -> record.issuedBy(i.keyId(), current))
              .findFirst()
              .orElse(null);
      if (issuer != null) {
        signCrl(issuer);
      } else {
        LOG.warning(
            () ->
                "Revoked "
                    + record.getSerialHex()
                    + " of the issuing CA "
                    + record.getIssuerKeyId()
                    + ", whose key the CA no longer holds: no CRL of it is signed");
      }
      revocations.fire(new OcspAnswerCache.CertificateRevoked(record.getSerialHex()));
    }
  }

  /**
   * The CRL (DER) of the current issuing CA, signed again first when there is none or it is older
   * than half its validity.
   */
  @PermitAll
  public byte[] currentCrl() {
    return crlOf(issuers().get(0));
  }

  /**
   * The CRL (DER) of the issuing CA with this key id, signed again first when there is none or it
   * is older than half its validity; empty when the CA holds no key of such an issuing CA.
   */
  @PermitAll
  public Optional<byte[]> crl(String issuerKeyId) {
    return issuer(issuerKeyId).map(this::crlOf);
  }

  /**
   * The CRL at the URL that certificates from before per-issuer CRL URLs name ({@code
   * /ca/issuing-ca.crl}): that of the issuing CA of the oldest certificate in the registry, which
   * issued all of them, when the CA still holds its key; else the current issuing CA's.
   */
  @PermitAll
  public byte[] legacyCrl() {
    return crlOf(legacyIssuer());
  }

  /**
   * Signs again each CRL of an issuing CA whose key the CA holds that is older than half its
   * validity (or missing).
   */
  @PermitAll
  public void refreshCrls() {
    issuers().forEach(this::crlOf);
  }

  /** The certificate (DER) of the issuing CA with this key id, if the CA holds its key. */
  @PermitAll
  public Optional<byte[]> issuerCertificate(String issuerKeyId) {
    return issuer(issuerKeyId).map(CaIssuer::certificateDer);
  }

  /**
   * The issuing CA certificate at the URL that certificates from before per-issuer URLs name
   * ({@code /ca/issuing-ca.cer}): the issuer of {@link #legacyCrl}.
   */
  @PermitAll
  public byte[] legacyIssuerCertificate() {
    return legacyIssuer().certificateDer();
  }

  private byte[] crlOf(CaIssuer issuer) {
    Optional<Crl> fresh = freshCrl(issuer);
    if (fresh.isPresent()) {
      return fresh.get().getDer();
    }
    lockCrls();
    // Another request may have signed one while this one waited for the lock.
    return freshCrl(issuer).orElseGet(() -> signCrl(issuer)).getDer();
  }

  private Optional<Crl> freshCrl(CaIssuer issuer) {
    return em.createNamedQuery(
            issuer.current() ? Crl.LATEST_OF_CURRENT_ISSUER : Crl.LATEST_OF_ISSUER, Crl.class)
        .setParameter("issuer", issuer.keyId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .filter(crl -> crl.isFresh(now(), CRL_VALIDITY.dividedBy(2)));
  }

  private CaIssuer legacyIssuer() {
    List<CaIssuer> issuers = issuers();
    return registry
        .oldestIssuerKeyId()
        .flatMap(keyId -> issuers.stream().filter(i -> i.keyId().equals(keyId)).findFirst())
        .orElse(issuers.get(0));
  }

  private Optional<CaIssuer> issuer(String keyId) {
    if (keyId == null) {
      return Optional.empty();
    }
    String wanted = keyId.strip().toLowerCase(Locale.ROOT);
    return issuers().stream().filter(i -> i.keyId().equals(wanted)).findFirst();
  }

  /** The issuing CAs whose keys the CA holds, the current one first. */
  private List<CaIssuer> issuers() {
    try (CaConnection connection = ca.getConnection()) {
      return connection.issuers();
    } catch (CaException e) {
      throw new EJBException("The CA's issuing CAs cannot be read", e);
    }
  }

  /**
   * CRLs are signed one at a time across the cluster (a PostgreSQL advisory lock held until
   * commit): otherwise two concurrent revocations could each sign a CRL without the other's, and
   * the one with the higher number, which {@link #crlOf} serves, would lack a revoked certificate.
   */
  private void lockCrls() {
    em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('crl'), 0)")
        .getSingleResult();
  }

  /**
   * Answers an RFC 6960 OCSP request from the registry: good, revoked or unknown, signed by the
   * issuing CA the request names. Answers and statuses are kept for a few seconds ({@link
   * OcspAnswerCache}), unless a certificate was revoked meanwhile; an answer that says unknown is
   * not kept. A request for the same certificates again gets the kept answer; one with a nonce gets
   * a fresh answer echoing it while this server signs fewer than half of {@link
   * OcspSignatureBudget}'s signatures per second, and is treated as one without a nonce beyond;
   * once they are all spent, a request without a kept answer gets {@code tryLater}.
   */
  @PermitAll
  public byte[] answerOcsp(byte[] ocspRequestDer) {
    Optional<OcspRequests.Asked> asked = OcspRequests.read(ocspRequestDer);
    if (asked.isEmpty()) {
      // Not DER of the expected shape: the CA reads it in full (malformedRequest, as a rule).
      return ocspSignatures.tryTake() ? signOcsp(ocspRequestDer, true, null) : TRY_LATER.clone();
    }
    OcspAnswerCache.Ticket ticket = ocspAnswers.ticket(asked.get().certificates());
    Optional<byte[]> cached = ocspAnswers.cached(ticket);
    boolean echoNonce = asked.get().nonce() && ocspSignatures.nonceEchoAllowed();
    if (cached.isPresent() && !echoNonce) {
      return cached.get();
    }
    if (!ocspSignatures.tryTake()) {
      return cached.orElseGet(TRY_LATER::clone);
    }
    return signOcsp(ocspRequestDer, echoNonce, echoNonce ? null : ticket);
  }

  /** An unsigned OCSPResponse of status tryLater (RFC 6960 section 4.2.1). */
  private static final byte[] TRY_LATER = {0x30, 0x03, 0x0a, 0x01, 0x03};

  /** The CA's answer; kept under the ticket, if any, when it is successful and all known. */
  private byte[] signOcsp(byte[] ocspRequestDer, boolean echoNonce, OcspAnswerCache.Ticket keep) {
    boolean[] onlyKnown = {true};
    byte[] answer;
    try (CaConnection connection = ca.getConnection()) {
      String current = connection.issuers().get(0).keyId();
      answer =
          connection.answerOcsp(
              ocspRequestDer,
              (issuer, serial) -> {
                CertificateStatus status =
                    ocspAnswers.status(issuer, serial, () -> statusOf(issuer, serial, current));
                if (status == CertificateStatus.unknown()) {
                  onlyKnown[0] = false;
                }
                return status;
              },
              echoNonce);
    } catch (CaException e) {
      throw new BusinessException("certificate.ocspRequestRefused");
    }
    if (keep != null && onlyKnown[0] && isSuccessful(answer)) {
      ocspAnswers.store(keep, answer);
    }
    return answer;
  }

  /**
   * Whether an encoded OCSPResponse says successful: its responseStatus, the first element of the
   * SEQUENCE, is ENUMERATED 0 ({@code 30 len 0a 01 00}).
   */
  static boolean isSuccessful(byte[] ocspResponse) {
    if (ocspResponse == null || ocspResponse.length < 5 || ocspResponse[0] != 0x30) {
      return false;
    }
    int length = ocspResponse[1] & 0xff;
    int at = 2 + (length < 0x80 ? 0 : length & 0x7f);
    return ocspResponse.length >= at + 3
        && ocspResponse[at] == 0x0a
        && ocspResponse[at + 1] == 0x01
        && ocspResponse[at + 2] == 0x00;
  }

  /**
   * Whether this CA (or an earlier issuing CA it is configured to recognise) signed the
   * certificate: what a user shows, for example read from a USB key, is only theirs to renew or
   * change when it is.
   */
  @PermitAll
  public boolean issuedByThisCa(byte[] certificateDer) {
    try (CaConnection connection = ca.getConnection()) {
      return connection.issuedByThisCa(certificateDer);
    } catch (CaException e) {
      throw new EJBException("The CA cannot check a certificate", e);
    }
  }

  /** The CA certificates (DER), issuing CA first. */
  @PermitAll
  public List<byte[]> caCertificates() {
    try (CaConnection connection = ca.getConnection()) {
      return connection.caCertificates();
    } catch (CaException e) {
      throw new EJBException("The CA certificates cannot be read", e);
    }
  }

  /**
   * The status of the certificate with this serial if the issuing CA with this key id issued it.
   */
  private CertificateStatus statusOf(String issuerKeyId, String serialHex, String currentKeyId) {
    return registry
        .findBySerial(normalised(serialHex))
        .filter(r -> r.issuedBy(issuerKeyId, currentKeyId))
        .map(
            r ->
                r.getStatus() == cn.cwca.portal.certificate.CertificateStatus.REVOKED
                    ? CertificateStatus.revoked(
                        r.getRevokedAt().toInstant(ZoneOffset.UTC),
                        RevocationReason.valueOf(r.getRevocationReason()))
                    : CertificateStatus.good())
        .orElseGet(CertificateStatus::unknown);
  }

  /**
   * Signs a CRL of the issuing CA of every revocation of its certificates committed so far and this
   * transaction's own, under the lock of {@link #lockCrls} (taken again when it is held already).
   */
  private Crl signCrl(CaIssuer issuer) {
    lockCrls();
    LocalDateTime now = now();
    long number =
        ((Number) em.createNativeQuery("SELECT nextval('crl_number_seq')").getSingleResult())
            .longValue();
    List<RevokedCertificate> revoked =
        registry.revokedOf(issuer.keyId(), issuer.current()).stream()
            .map(
                r ->
                    new RevokedCertificate(
                        r.getSerialHex(),
                        r.getRevokedAt().toInstant(ZoneOffset.UTC),
                        RevocationReason.valueOf(r.getRevocationReason())))
            .toList();
    Instant thisUpdate = now.toInstant(ZoneOffset.UTC);
    try (CaConnection connection = ca.getConnection()) {
      byte[] der =
          connection.signCrl(
              new CrlRequest(
                  issuer.keyId(), number, thisUpdate, thisUpdate.plus(CRL_VALIDITY), revoked));
      Crl crl = new Crl(issuer.keyId(), number, now, now.plus(CRL_VALIDITY), der);
      em.persist(crl);
      return crl;
    } catch (CaException e) {
      throw new EJBException("The CA did not sign the CRL", e);
    }
  }

  private void requireOwnerOrStaff(String ownerLoginName) {
    boolean staff =
        session.isCallerInRole("REVIEWER")
            || session.isCallerInRole("OPERATOR")
            || session.isCallerInRole("ADMIN")
            || session.isCallerInRole(CA_ISSUER);
    if (!staff && !caller().equals(ownerLoginName)) {
      throw new EJBAccessException("Not the caller's certificate");
    }
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private static CertificateProfile profileOf(Account account) {
    return account.getType() == AccountType.ORGANISATION
        ? CertificateProfile.ORGANISATION
        : CertificateProfile.NATURAL_PERSON;
  }

  /**
   * The subject from the account's verified data: name, USCC or ID number, province and city (see
   * {@link CertificateSubjects}).
   */
  static Subject subjectOf(Account account) {
    return CertificateSubjects.of(account);
  }

  /**
   * The subject the certificate of an approved order carries, as it was reviewed (the 制证 of an
   * order issues with it, not with the account's data of the day).
   */
  public static Subject subjectOf(ApprovedSubject approved) {
    return CertificateSubjects.of(approved);
  }

  /**
   * The normalised serial, or empty when the text is not a hexadecimal number of 20 octets or less.
   */
  static Optional<String> validSerial(String serialHex) {
    if (serialHex == null || !serialHex.strip().matches("[0-9A-Fa-f]{1,40}")) {
      return Optional.empty();
    }
    return Optional.of(normalised(serialHex));
  }

  /** Serial numbers are kept as lower-case hex without leading zeros. */
  static String normalised(String serialHex) {
    return new BigInteger(serialHex.strip(), 16).toString(16).toLowerCase(Locale.ROOT);
  }

  private static String target(String serialHex) {
    return "certificate:" + serialHex;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
