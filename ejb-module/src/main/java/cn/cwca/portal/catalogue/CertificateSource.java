package cn.cwca.portal.catalogue;

/** Where the certificate an application is about comes from (user manual 4.1). */
public enum CertificateSource {
  /** 新办: no existing certificate. */
  NONE,
  /** 更新, 变更, 变更+更新: read from the inserted USB key through the key agent (识别KEY). */
  FROM_KEY,
  /** 丢失补办, 更新+丢失补办: chosen from the applicant's certificates in the registry (选择证书). */
  FROM_REGISTRY
}
