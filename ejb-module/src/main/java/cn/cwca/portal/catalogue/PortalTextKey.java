package cn.cwca.portal.catalogue;

/**
 * The texts applicants read that the administrators edit (table {@code portal_text}), seeded with
 * the resource bundle's text. Labels: {@code portalText.<NAME>}.
 */
public enum PortalTextKey {
  /** 用户责任声明 (证书信息填写, user manual 4.1.1.1). */
  STATEMENT(4000),
  /** 说明 of 邮寄-收方付 (取key方式). */
  COURIER_EXPLANATION(4000),
  /** 注意 of 邮寄-收方付. */
  COURIER_NOTE(4000),
  /** 说明 of 自取. */
  PICKUP_EXPLANATION(4000),
  /** 注意 of 自取. */
  PICKUP_NOTE(4000),
  /** 说明 of 自助. */
  SELF_SERVICE_EXPLANATION(4000),
  /** 注意 of 自助. */
  SELF_SERVICE_NOTE(4000),
  /** 客服电话. */
  CUSTOMER_SERVICE_PHONE(30);

  private final int maxLength;

  PortalTextKey(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Longest text, in characters. */
  public int maxLength() {
    return maxLength;
  }

  /** The 说明 of a 取key方式. */
  public static PortalTextKey explanationOf(PickupMethod method) {
    return valueOf(method.name() + "_EXPLANATION");
  }

  /** The 注意 of a 取key方式. */
  public static PortalTextKey noteOf(PickupMethod method) {
    return valueOf(method.name() + "_NOTE");
  }
}
