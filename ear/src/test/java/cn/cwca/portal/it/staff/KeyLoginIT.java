package cn.cwca.portal.it.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.account.Account;
import cn.cwca.portal.account.LoginService;
import cn.cwca.portal.account.Role;
import cn.cwca.portal.account.StaffService;
import cn.cwca.portal.audit.AuditEntry;
import cn.cwca.portal.audit.AuditLog;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.certificate.CertificateService;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.common.ClientInfo;
import cn.cwca.portal.issuance.KeyProof;
import cn.cwca.portal.issuance.KeyProofs;
import cn.cwca.portal.issuance.ProofText;
import cn.cwca.portal.it.LegacyCa;
import cn.cwca.portal.it.PortalDeployment;
import cn.cwca.portal.it.RegistryRow;
import cn.cwca.portal.it.SwitchingCallers;
import cn.cwca.portal.keylogin.KeyLoginResult;
import cn.cwca.portal.keylogin.KeyLoginService;
import cn.cwca.portal.keylogin.KeyStep;
import cn.cwca.portal.keylogin.PendingKeyLogin;
import cn.cwca.portal.keylogin.RolePolicy;
import cn.cwca.portal.keylogin.StaffKeyService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff login with a USB key in the container with PostgreSQL and the CA: while 财务 requires the
 * key, a finance member's right password gives a challenge, not a login; a signature of its nonce
 * by the key of the bound certificate (issued by this CA) logs in; a revoked certificate, another
 * key, a reused or expired nonce and a nonce of another purpose are refused; the setting and the
 * binding are audited and are the administrators' only. Runs as {@link StaffCallers#ADMIN} unless
 * it switches ({@link #as}); 财务 goes back to the password alone after each test.
 */
@ExtendWith(ArquillianExtension.class)
class KeyLoginIT {

  private static final ClientInfo CLIENT = new ClientInfo("203.0.113.93");
  private static final String MEMBER = "it-staff-key-finance";
  private static final String ORIGIN = "https://ca.example.cn";

  @Deployment
  static EnterpriseArchive deployment() {
    return PortalDeployment.servicesWithTestsAndLibraries(
        List.of(
            org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.cert.X509CertificateHolder.class,
            org.bouncycastle.asn1.ASN1Object.class),
        KeyLoginIT.class,
        StaffCallers.class,
        SwitchingCallers.class,
        LegacyCa.class,
        RegistryRow.class);
  }

  @EJB StaffKeyService staffKeys;
  @EJB KeyLoginService keyLogins;
  @EJB KeyProofs proofs;
  @EJB StaffService staff;
  @EJB LoginService login;
  @EJB CertificateService certificates;
  @EJB AuditLog audit;

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  @Resource(lookup = "jdbc/caportal")
  DataSource database;

  private String password;
  private KeyPair key;
  private String serial;

  /**
   * A finance member of these tests with a fresh certificate of this CA in the registry; 财务 with
   * the password alone.
   */
  @BeforeEach
  void aFinanceMemberWithACertificate() throws Exception {
    financeBackToThePasswordAlone();
    try (Connection c = database.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM account WHERE login_name = ?")) {
      delete.setString(1, MEMBER);
      delete.executeUpdate();
    }
    password =
        staff.create(MEMBER, "钱财务", "13800138093", List.of(Role.FINANCE), CLIENT).oneTimePassword();
    key = p256();
    serial = registryCertificate(key.getPublic());
  }

  /** The other tests of the server log finance staff in with the password alone. */
  @AfterEach
  void financeBackToThePasswordAlone() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement reset =
            c.prepareStatement(
                "UPDATE role_policy SET key_login_required = false, version = version + 1"
                    + " WHERE role = 'FINANCE' AND key_login_required")) {
      reset.executeUpdate();
    }
  }

  @Test
  void thePasswordAloneGivesAChallengeNotALoginWhileTheRoleRequiresTheKey() {
    staffKeys.bind(MEMBER, serial, CLIENT);
    assertTrue(keyLogins.keyStepFor(MEMBER).isEmpty(), "the password alone, before");

    requireKeyForFinance(true);
    assertTrue(login.authenticate(MEMBER, password, CLIENT).isPresent(), "the password is right");
    assertTrue(keyLogins.keyStepFor(MEMBER).isPresent(), "but the key step comes next");

    requireKeyForFinance(false);
    assertTrue(keyLogins.keyStepFor(MEMBER).isEmpty());
  }

  @Test
  void aMemberWithoutABoundCertificateCannotLogInWhileTheKeyIsRequired() {
    requireKeyForFinance(true);
    assertEquals("keyLogin.notBound", refusal(() -> keyLogins.keyStepFor(MEMBER)));
  }

  @Test
  void aSignatureOfTheNonceByTheBoundCertificatesKeyLogsIn() throws Exception {
    KeyStep challenge = challenge();
    PendingKeyLogin pending = keyLogins.pending(challenge.challengeId());
    assertEquals(MEMBER, pending.loginName());

    KeyLoginResult result =
        keyLogins.complete(challenge, proof(key, pending.nonce()), ORIGIN, CLIENT);

    assertEquals(Optional.empty(), result.refusal());
    assertEquals(MEMBER, result.account().map(Account::getLoginName).orElseThrow());
    AuditEntry entry = latestLogin();
    assertEquals("login.keySucceeded", entry.getAction());
    assertTrue(entry.getDetails().contains(serial), entry.getDetails());
  }

  @Test
  void aReusedNonceIsRefused() throws Exception {
    KeyStep challenge = challenge();
    KeyProof proof = proof(key, keyLogins.pending(challenge.challengeId()).nonce());
    assertTrue(keyLogins.complete(challenge, proof, ORIGIN, CLIENT).account().isPresent());

    assertRefused("keyLogin.expired", keyLogins.complete(challenge, proof, ORIGIN, CLIENT));
    assertEquals("keyLogin.expired", refusal(() -> keyLogins.pending(challenge.challengeId())));
  }

  @Test
  void anExpiredNonceIsRefused() throws Exception {
    KeyStep challenge = challenge();
    KeyProof proof = proof(key, keyLogins.pending(challenge.challengeId()).nonce());
    try (Connection c = database.getConnection();
        PreparedStatement expire =
            c.prepareStatement(
                "UPDATE key_challenge SET expires_at = created_at - interval '1 second'"
                    + " WHERE id = ?")) {
      expire.setLong(1, challenge.challengeId());
      expire.executeUpdate();
    }

    assertRefused("keyLogin.expired", keyLogins.complete(challenge, proof, ORIGIN, CLIENT));
  }

  @Test
  void anotherKeyIsRefusedAndTheRefusalIsAudited() throws Exception {
    KeyStep challenge = challenge();
    KeyProof wrong = proof(p256(), keyLogins.pending(challenge.challengeId()).nonce());

    assertRefused("keyLogin.proofInvalid", keyLogins.complete(challenge, wrong, ORIGIN, CLIENT));
    AuditEntry entry = latestLogin();
    assertEquals("login.keyRefused", entry.getAction());
    assertTrue(entry.getDetails().contains("keyLogin.proofInvalid"), entry.getDetails());
    assertFalse(entry.getDetails().contains(wrong.signatureBase64()), "no signature recorded");
  }

  @Test
  void aPasswordResetBetweenThePasswordAndTheKeyEndsTheKeyStep() throws Exception {
    KeyStep challenge = challenge();
    KeyProof proof = proof(key, keyLogins.pending(challenge.challengeId()).nonce());
    Account member =
        staff.staff().stream()
            .filter(a -> a.getLoginName().equals(MEMBER))
            .findFirst()
            .orElseThrow();
    staff.resetPassword(MEMBER, member.getVersion(), CLIENT);

    assertRefused("keyLogin.expired", keyLogins.complete(challenge, proof, ORIGIN, CLIENT));
  }

  @Test
  void aSignatureForAnotherOriginIsRefused() throws Exception {
    KeyStep challenge = challenge();
    KeyProof proof = proof(key, keyLogins.pending(challenge.challengeId()).nonce());

    assertRefused(
        "keyLogin.proofInvalid",
        keyLogins.complete(challenge, proof, "https://phishing.example.com", CLIENT));
  }

  @Test
  void aRevokedCertificateIsRefusedAndCannotBeBound() throws Exception {
    KeyStep challenge = challenge();
    KeyProof proof = proof(key, keyLogins.pending(challenge.challengeId()).nonce());
    certificates.revoke(serial, RevocationReason.KEY_COMPROMISE, CLIENT);

    assertRefused("keyLogin.revoked", keyLogins.complete(challenge, proof, ORIGIN, CLIENT));
    assertEquals("keyLogin.revoked", refusal(() -> staffKeys.bind(MEMBER, serial, CLIENT)));
  }

  @Test
  void aNonceGivenForAnotherPurposeDoesNotLogIn() throws Exception {
    staffKeys.bind(MEMBER, serial, CLIENT);
    requireKeyForFinance(true);
    KeyProofs.Challenge other = proofs.open(MEMBER, "make:OTHER-ORDER");

    assertEquals("keyLogin.expired", refusal(() -> keyLogins.pending(other.id())));
    assertRefused(
        "keyLogin.expired",
        keyLogins.complete(
            new KeyStep(
                other.id(), keyLogins.keyStepFor(MEMBER).orElseThrow().credentialsVersion()),
            proof(key, other.nonce()),
            ORIGIN,
            CLIENT));
  }

  @Test
  void theSettingAndTheBindingAreAudited() {
    staffKeys.bind(MEMBER, serial, CLIENT);
    AuditEntry bound = audit.forTarget(MEMBER).get(0);
    assertEquals("keyLogin.certificateBound", bound.getAction());
    assertEquals(StaffCallers.ADMIN, bound.getActor());
    assertTrue(bound.getDetails().contains("-> " + serial), bound.getDetails());

    requireKeyForFinance(true);
    AuditEntry changed = audit.forTarget("role:FINANCE").get(0);
    assertEquals("keyLogin.policyChanged", changed.getAction());
    assertEquals(StaffCallers.ADMIN, changed.getActor());
    assertEquals("keyLoginRequired: false -> true", changed.getDetails());

    staffKeys.unbind(MEMBER, CLIENT);
    assertEquals("keyLogin.certificateUnbound", audit.forTarget(MEMBER).get(0).getAction());
  }

  @Test
  void aSettingShownBeforeAnotherChangeIsRefused() {
    RolePolicy shown = finance();
    requireKeyForFinance(true);
    assertEquals(
        "staff.concurrentEdit",
        refusal(() -> staffKeys.requireKeyLogin(Role.FINANCE, false, shown.getVersion(), CLIENT)));
  }

  @Test
  void onlyAdministratorsChangeTheSettingAndBindCertificates() {
    long version = finance().getVersion();
    for (String caller : List.of(StaffCallers.FINANCE, StaffCallers.REVIEWER)) {
      as(caller);
      assertThrows(EJBAccessException.class, () -> staffKeys.policies());
      assertThrows(
          EJBAccessException.class,
          () -> staffKeys.requireKeyLogin(Role.FINANCE, true, version, CLIENT));
      assertThrows(EJBAccessException.class, () -> staffKeys.bind(MEMBER, serial, CLIENT));
      assertThrows(EJBAccessException.class, () -> staffKeys.unbind(MEMBER, CLIENT));
    }
  }

  @Test
  void aDisabledMembersRightPasswordIsToldApartFromAWrongOne() {
    Account account =
        staff.staff().stream()
            .filter(a -> a.getLoginName().equals(MEMBER))
            .findFirst()
            .orElseThrow();
    staff.disable(MEMBER, account.getVersion(), CLIENT);

    LoginService.Checked right = login.check(MEMBER, password, CLIENT);
    assertTrue(right.disabled());
    assertTrue(right.account().isEmpty());
    LoginService.Checked wrong = login.check(MEMBER, "Wrong0Password", CLIENT);
    assertFalse(wrong.disabled());
    assertTrue(wrong.account().isEmpty());
  }

  /** 财务 requires the key, the member's certificate is bound: a new key step. */
  private KeyStep challenge() {
    staffKeys.bind(MEMBER, serial, CLIENT);
    requireKeyForFinance(true);
    return keyLogins.keyStepFor(MEMBER).orElseThrow();
  }

  private void requireKeyForFinance(boolean required) {
    staffKeys.requireKeyLogin(Role.FINANCE, required, finance().getVersion(), CLIENT);
  }

  private RolePolicy finance() {
    return staffKeys.policies().stream()
        .filter(p -> p.getRole() == Role.FINANCE)
        .findFirst()
        .orElseThrow();
  }

  private AuditEntry latestLogin() {
    return audit.forTarget(MEMBER).stream()
        .filter(e -> e.getAction().startsWith("login.key"))
        .findFirst()
        .orElseThrow();
  }

  /** A certificate of this CA (its earlier issuing CA, which it recognises) for the key. */
  private String registryCertificate(java.security.PublicKey publicKey) throws Exception {
    Instant notBefore = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(365, ChronoUnit.DAYS);
    String subject = "CN=钱财务,C=CN";
    X509Certificate certificate =
        LegacyCa.certificate(new X500Principal(subject), publicKey, notBefore, notAfter);
    try (Connection c = database.getConnection()) {
      return new RegistryRow(
              MEMBER,
              subject,
              LocalDateTime.ofInstant(notBefore, ZoneOffset.UTC),
              LocalDateTime.ofInstant(notAfter, ZoneOffset.UTC),
              null,
              certificate.getEncoded())
          .insertInto(c);
    }
  }

  private static KeyProof proof(KeyPair signer, String nonce) throws Exception {
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(signer.getPrivate());
    signature.update(ProofText.of(ORIGIN, nonce));
    return new KeyProof(
        nonce, "SHA256withECDSA", Base64.getEncoder().encodeToString(signature.sign()));
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static void assertRefused(String messageKey, KeyLoginResult result) {
    assertTrue(result.account().isEmpty(), "no login");
    assertEquals(Optional.of(messageKey), result.refusal());
  }

  private void as(String caller) {
    assertEquals(
        AuthenticationStatus.SUCCESS,
        SwitchingCallers.switchTo(security, request, caller),
        "authenticated as " + caller);
  }

  private static String refusal(Runnable call) {
    return assertThrows(BusinessException.class, call::run).messageKey();
  }
}
