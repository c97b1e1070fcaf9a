package cn.cwca.keyagent.pkcs11;

/**
 * The outcome of installing a certificate.
 *
 * @param certificate the certificate as stored on the token
 * @param created whether it was stored now; false when the token already held it with its key
 */
public record Installation(StoredCertificate certificate, boolean created) {}
