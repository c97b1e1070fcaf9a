package cn.cwca.keyagent.pkcs11;

import java.security.cert.X509Certificate;

/**
 * A certificate on the token.
 *
 * @param alias its name on the token (the PKCS#11 label)
 * @param certificate the certificate
 * @param hasPrivateKey whether its private key is on the token next to it
 */
public record StoredCertificate(String alias, X509Certificate certificate, boolean hasPrivateKey) {}
