package cn.cwca.portal.account;

import cn.cwca.portal.rules.FieldRule;

/** 有效证件类型 of a natural person. */
public enum IdType {
  /** 居民身份证 (GB 11643-1999). */
  RESIDENT_ID(FieldRule.RESIDENT_ID),
  /** 护照. */
  PASSPORT(FieldRule.PASSPORT);

  private final FieldRule rule;

  IdType(FieldRule rule) {
    this.rule = rule;
  }

  /** The rule a number of this type must satisfy. */
  public FieldRule rule() {
    return rule;
  }
}
