package cn.cwca.portal.bench;

import cn.cwca.portal.it.SwitchingCallers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * The callers of the benchmarks that need one: a 系统管理员 (校验 of the audit trail, the default), a 审核员
 * (the review queue), an 操作员 (制证) and an applicant with orders of their own (进度查询).
 */
@ApplicationScoped
public class BenchCallers extends SwitchingCallers {

  static final String ADMIN = "bench-admin";
  static final String REVIEWER = "bench-reviewer";
  static final String OPERATOR = "bench-operator";

  /** An organisation's login name (its unified social credit code) among the filled orders. */
  static final String APPLICANT = "91BENCH00000000007";

  public BenchCallers() {
    super(
        ADMIN,
        Map.of(
            ADMIN, Set.of("ADMIN"),
            REVIEWER, Set.of("REVIEWER"),
            OPERATOR, Set.of("OPERATOR"),
            APPLICANT, Set.of("APPLICANT")));
  }
}
