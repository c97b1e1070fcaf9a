package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CertificateStatus;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.RevocationReason;
import cn.cwca.portal.ca.RevokedCertificate;
import cn.cwca.portal.ca.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CAs whose keys are on SoftHSM2 tokens, issuing for keys generated on another token (as on a USB
 * key), checked with the JDK's PKIX validator and with OpenSSL. Each test opens and closes its CA:
 * closing logs out of the token, which PKCS#11 does for the whole process.
 */
class SoftHsmCaTest {

  private static final Subject PERSON =
      Subject.person("李四", IdentityDocumentType.RESIDENT_ID_CARD, "110101190001010006");

  @TempDir Path folder;

  @Test
  void caKeysAreGeneratedOnTheTokenSensitiveNeverExtractableAndForSigningOnly() throws Exception {
    try (CertificateAuthority ca = open(SoftHsm.EC_CA, KeyAlgorithm.EC_P256)) {
      assertTrue(ca.isOpen());
    }

    String keys = SoftHsm.pkcs11Tool(SoftHsm.EC_CA, "--list-objects", "--type", "privkey");

    List<String> privateKeys = Stream.of(keys.split("Private Key Object")).skip(1).toList();
    assertEquals(2, privateKeys.size(), keys);
    for (String key : privateKeys) {
      assertTrue(key.contains("sensitive, always sensitive, never extractable, local"), key);
      assertTrue(key.contains("Usage:      sign\n"), key);
    }
  }

  @Test
  void caPrivateKeyCannotBeReadOffTheToken() throws Exception {
    try (CertificateAuthority ca = open(SoftHsm.EC_CA, KeyAlgorithm.EC_P256)) {
      assertTrue(ca.isOpen());
    }

    Openssl.Result read =
        tool(
            SoftHsm.EC_CA,
            "--read-object",
            "--type",
            "privkey",
            "--label",
            "issuing-ca",
            "--output-file",
            folder.resolve("key.der").toString());

    assertNotEquals(0, read.exitCode(), read.output());
    assertTrue(
        !Files.exists(folder.resolve("key.der")) || Files.size(folder.resolve("key.der")) == 0);
  }

  @ParameterizedTest(name = "{0} CA on the token, {1} key on the subscriber token")
  @MethodSource("caAndSubscriberKeys")
  void issuesForKeysOnATokenAndTheChainVerifiesWithJavaAndOpenssl(
      KeyAlgorithm caAlgorithm, KeyAlgorithm subscriberAlgorithm) throws Exception {
    String label = caAlgorithm == KeyAlgorithm.EC_P256 ? SoftHsm.EC_CA : SoftHsm.RSA_CA;
    try (CertificateAuthority ca = open(label, caAlgorithm)) {
      IssuedCertificate issued = ca.issue(request(subscriberAlgorithm));

      assertEquals(subscriberAlgorithm, issued.keyAlgorithm());
      assertEquals(
          caAlgorithm == KeyAlgorithm.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA",
          Certificates.jdk(issued.der()).getSigAlgName());
      ChainValidation.jdk(issued);
      ChainValidation.openssl(issued, folder);
    }
  }

  /**
   * A CA on the token certifies SM2 keys too. The SM2 request is signed in software: SoftHSM2 has
   * no SM2 signature mechanism (its ECDSA is not SM2's signature), nor has the JDK's PKCS#11
   * provider, so no SM2 key on a SoftHSM2 token can sign a request. The chain is validated with
   * Bouncy Castle's CertPathValidator: the JDK's certificate factory cannot read a certificate of
   * an SM2 key ("Unknown named curve").
   */
  @ParameterizedTest(name = "{0} CA on the token, SM2 key")
  @MethodSource("tokenCaKeys")
  void issuesSm2CertificatesWhoseChainVerifiesWithJavaAndOpenssl(KeyAlgorithm caAlgorithm)
      throws Exception {
    String label = caAlgorithm == KeyAlgorithm.EC_P256 ? SoftHsm.EC_CA : SoftHsm.RSA_CA;
    try (CertificateAuthority ca = open(label, caAlgorithm)) {
      IssuedCertificate issued =
          ca.issue(
              new IssueRequest(
                  Csrs.of(TestKeys.sm2()), CertificateProfile.NATURAL_PERSON, PERSON, 1));

      assertEquals(KeyAlgorithm.SM2, issued.keyAlgorithm());
      assertEquals(
          GMObjectIdentifiers.sm2p256v1,
          Certificates.holder(issued.der())
              .getSubjectPublicKeyInfo()
              .getAlgorithm()
              .getParameters());
      ChainValidation.bouncyCastle(issued);
      ChainValidation.openssl(issued, folder);
    }
  }

  @Test
  void reopeningTheTokenUsesTheCaItHolds() throws Exception {
    List<byte[]> first;
    try (CertificateAuthority ca = open(SoftHsm.RSA_CA, KeyAlgorithm.RSA_2048)) {
      first = ca.caCertificates();
    }
    try (CertificateAuthority again = open(SoftHsm.RSA_CA, KeyAlgorithm.EC_P256)) {
      assertEquals(
          first.stream().map(Arrays::toString).toList(),
          again.caCertificates().stream().map(Arrays::toString).toList());
    }
  }

  @Test
  void revokedCertificateIsOnTheCrlThatOpensslReadsAndVerifies() throws Exception {
    try (CertificateAuthority ca = open(SoftHsm.EC_CA, KeyAlgorithm.EC_P256)) {
      IssuedCertificate revoked = ca.issue(request(KeyAlgorithm.EC_P256));
      IssuedCertificate good = ca.issue(request(KeyAlgorithm.RSA_2048));
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

      byte[] crl =
          ca.signCrl(
              new CrlRequest(
                  7,
                  now,
                  now.plus(1, ChronoUnit.DAYS),
                  List.of(
                      new RevokedCertificate(
                          revoked.serialHex(), now, RevocationReason.KEY_COMPROMISE))));

      Path crlFile = Files.write(folder.resolve("crl.der"), crl);
      Path chain = Certificates.writePem(folder.resolve("chain.pem"), revoked.chain());
      String text =
          Openssl.run(
              "crl",
              "-inform",
              "DER",
              "-in",
              crlFile.toString(),
              "-noout",
              "-text",
              "-CAfile",
              chain.toString());
      assertTrue(text.contains("verify OK"), text);
      assertTrue(text.contains("X509v3 CRL Number: \n                7"), text);
      assertTrue(text.contains("Serial Number: " + revoked.serialHex().toUpperCase()), text);
      assertTrue(text.contains("Key Compromise"), text);
      assertTrue(!text.contains(good.serialHex().toUpperCase()), text);
    }
  }

  @Test
  void ocspSaysRevokedAndOpensslVerifiesTheSignedResponse() throws Exception {
    try (CertificateAuthority ca = open(SoftHsm.EC_CA, KeyAlgorithm.EC_P256)) {
      IssuedCertificate issued = ca.issue(request(KeyAlgorithm.EC_P256));
      Instant revokedAt = Instant.parse("2026-11-20T10:00:00Z");
      Path root = Certificates.writePem(folder.resolve("root.pem"), List.of(issued.chain().get(1)));
      Path issuing =
          Certificates.writePem(folder.resolve("issuing.pem"), List.of(issued.chain().get(0)));
      Path leaf = Certificates.writePem(folder.resolve("leaf.pem"), List.of(issued.der()));
      Path request = folder.resolve("request.der");
      Openssl.run(
          "ocsp",
          "-issuer",
          issuing.toString(),
          "-cert",
          leaf.toString(),
          "-reqout",
          request.toString());

      byte[] response =
          ca.answerOcsp(
              Files.readAllBytes(request),
              (issuer, serial) ->
                  Map.of(
                          issued.serialHex(),
                          CertificateStatus.revoked(revokedAt, RevocationReason.KEY_COMPROMISE))
                      .get(serial));

      Path responseFile = Files.write(folder.resolve("response.der"), response);
      String output =
          Openssl.run(
              "ocsp",
              "-reqin",
              request.toString(),
              "-respin",
              responseFile.toString(),
              "-CAfile",
              root.toString(),
              "-resp_text");
      assertTrue(output.contains("Response verify OK"), output);
      assertTrue(!output.contains("Nonce Verify error"), output);
      assertTrue(output.contains("Serial Number: " + issued.serialHex().toUpperCase()), output);
      assertTrue(output.contains("Cert Status: revoked"), output);
      assertTrue(output.contains("Revocation Reason: keyCompromise (0x1)"), output);
      assertTrue(output.contains("Revocation Time: Nov 20 10:00:00 2026 GMT"), output);
    }
  }

  static Stream<Arguments> caAndSubscriberKeys() {
    return Stream.of(
        Arguments.of(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P256),
        Arguments.of(KeyAlgorithm.EC_P256, KeyAlgorithm.RSA_2048),
        Arguments.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256),
        Arguments.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_2048));
  }

  static Stream<KeyAlgorithm> tokenCaKeys() {
    return Stream.of(KeyAlgorithm.EC_P256, KeyAlgorithm.RSA_2048);
  }

  private static CertificateAuthority open(String label, KeyAlgorithm algorithm) throws Exception {
    return CertificateAuthority.open(SoftHsm.caFactory(label, algorithm).settings());
  }

  /** A request from a key pair generated on the subscriber token and signed there. */
  private static IssueRequest request(KeyAlgorithm algorithm) throws Exception {
    Provider token = SoftHsm.provider(SoftHsm.SUBSCRIBER);
    KeyPair keys;
    String signature;
    if (algorithm == KeyAlgorithm.RSA_2048) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", token);
      generator.initialize(2048);
      keys = generator.generateKeyPair();
      signature = "SHA256withRSA";
    } else {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", token);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
      signature = "SHA256withECDSA";
    }
    return new IssueRequest(
        Csrs.of(keys, signature, token), CertificateProfile.NATURAL_PERSON, PERSON, 1);
  }

  private static Openssl.Result tool(String label, String... args) {
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "pkcs11-tool",
                  "--module",
                  SoftHsm.LIBRARY.toString(),
                  "--slot",
                  Long.toString(SoftHsm.slot(label)),
                  "--login",
                  "--pin",
                  SoftHsm.PIN));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      return new Openssl.Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
