package cn.cwca.portal.ca;

/**
 * The kind of certificate to issue: which subject it certifies and which extensions it carries.
 * Both profiles are signing certificates (key usage digitalSignature and nonRepudiation; extended
 * key usage clientAuth and emailProtection).
 */
public enum CertificateProfile {
  /** 机构证书: certifies an organisation by name and unified social credit code. */
  ORGANISATION,
  /** 个人证书: certifies a natural person by name and identity document number. */
  NATURAL_PERSON;

  /** Whether a subject of this kind can be certified with this profile. */
  public boolean fits(Subject subject) {
    return subject.isOrganisation() == (this == ORGANISATION);
  }
}
