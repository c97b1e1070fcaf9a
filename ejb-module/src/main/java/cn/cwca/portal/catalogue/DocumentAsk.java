package cn.cwca.portal.catalogue;

/**
 * How a document is asked for of a user type and service type. Labels: {@code documentAsk.<NAME>}.
 */
public enum DocumentAsk {
  /** 必传: submission is refused without it. */
  REQUIRED,
  /** 选传. */
  OPTIONAL,
  /** 不需要: not asked for. */
  NOT_ASKED
}
