package cn.cwca.portal.certificate;

/**
 * Status of an issued certificate in the registry; expiry is derived from its validity, not stored.
 */
public enum CertificateStatus {
  VALID,
  REVOKED
}
