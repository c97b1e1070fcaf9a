package cn.cwca.portal.ca;

/** The document a natural person's identity number comes from (有效证件类型). */
public enum IdentityDocumentType {
  /** 居民身份证, GB 11643-1999: 17 digits and a check character (digit or X). */
  RESIDENT_ID_CARD,
  /** 护照: 5 to 20 upper-case letters and digits. */
  PASSPORT
}
