package cn.cwca.portal.invoice;

import cn.cwca.portal.rules.FieldRule;

/** Whom a 数电发票 is made out to; decides the rule of 购买方税号. Labels {@code buyerKind.<NAME>}. */
public enum BuyerKind {
  /** 企业/单位: the tax id is the unified social credit code. */
  ORGANISATION(FieldRule.CREDIT_CODE),
  /** 个人: the tax id is a taxpayer number, usually the ID number. */
  PERSON(FieldRule.TAX_ID);

  private final FieldRule taxIdRule;

  BuyerKind(FieldRule taxIdRule) {
    this.taxIdRule = taxIdRule;
  }

  /** The rule 购买方税号 must satisfy. */
  public FieldRule taxIdRule() {
    return taxIdRule;
  }

  /** Label key in the messages bundle. */
  public String labelKey() {
    return "buyerKind." + name();
  }
}
