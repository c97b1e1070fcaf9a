package cn.cwca.portal.catalogue;

/**
 * 取key方式. Labels: {@code pickupMethod.<NAME>}, the manual's 说明 in {@code
 * pickupMethod.<NAME>.explanation} and its 注意 in {@code pickupMethod.<NAME>.note}.
 */
public enum PickupMethod {
  /** 邮寄-收方付: shipped by SF Express, the recipient pays on delivery (到付件). */
  COURIER,
  /** 自取: collected at the handling point by the named 取证人 with the ID card. */
  PICKUP,
  /** 自助: the applicant makes the certificate (制证) with the key inserted, once approved. */
  SELF_SERVICE
}
