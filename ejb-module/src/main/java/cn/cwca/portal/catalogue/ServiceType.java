package cn.cwca.portal.catalogue;

/**
 * 服务类型: the six kinds of application of the user manual (4.1), with what each asks for. Which
 * pickup methods, handling points, prices and documents apply is data (tables {@code
 * pickup_option}, {@code price_entry}, {@code document_requirement}), not this enum. Labels: {@code
 * serviceType.<NAME>}, {@code serviceType.<NAME>.scenario} and {@code serviceType.<NAME>.warning}.
 */
public enum ServiceType {
  /** 新办（替换）: a first or further key, or replacing another CA's key. */
  NEW_OR_REPLACE(true, CertificateSource.NONE, false, false, false),
  /** 更新证书: the certificate on the key expired or expires within 60 days. */
  RENEW(true, CertificateSource.FROM_KEY, true, false, false),
  /** 变更: the organisation's name or legal representative changed. */
  CHANGE(false, CertificateSource.FROM_KEY, false, true, false),
  /** 丢失补办: the key of a valid certificate was lost. */
  LOST(false, CertificateSource.FROM_REGISTRY, false, false, true),
  /** 变更+更新. */
  CHANGE_AND_RENEW(true, CertificateSource.FROM_KEY, true, true, false),
  /** 更新+丢失补办: the key of an expired or expiring certificate was lost. */
  RENEW_AND_LOST(true, CertificateSource.FROM_REGISTRY, true, false, true);

  private final boolean needsYears;
  private final CertificateSource certificateSource;
  private final boolean renewal;
  private final boolean change;
  private final boolean lost;

  ServiceType(
      boolean needsYears,
      CertificateSource certificateSource,
      boolean renewal,
      boolean change,
      boolean lost) {
    this.needsYears = needsYears;
    this.certificateSource = certificateSource;
    this.renewal = renewal;
    this.change = change;
    this.lost = lost;
  }

  /** Whether 证书年限 is asked. */
  public boolean needsYears() {
    return needsYears;
  }

  public CertificateSource certificateSource() {
    return certificateSource;
  }

  /** Whether 新办's two questions are asked (是否拥有未到期江苏智慧锁, 是否申请第二把及以上的收费锁). */
  public boolean asksKeyQuestions() {
    return this == NEW_OR_REPLACE;
  }

  /**
   * Whether a first (free) and a further (paid) key are told apart: the applicant says so for 新办;
   * for 更新+丢失补办 the server decides from the applicant's other valid certificates.
   */
  public boolean distinguishesFurtherKey() {
    return this == NEW_OR_REPLACE || this == RENEW_AND_LOST;
  }

  /** Whether the certificate must be inside the renewal window (expired or within 60 days). */
  public boolean isRenewal() {
    return renewal;
  }

  /** Whether the personal-centre data must differ from the certificate's subject. */
  public boolean isChange() {
    return change;
  }

  /** Whether the key was lost (the modal 补办证书提示 comes first on the page). */
  public boolean isLost() {
    return lost;
  }
}
