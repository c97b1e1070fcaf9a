package cn.cwca.portal.it.audit;

import cn.cwca.portal.it.SwitchingCallers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/** The caller of the audit tests: a 系统管理员. */
@ApplicationScoped
public class AuditCallers extends SwitchingCallers {

  public static final String ADMIN = "it-audit-admin";

  public AuditCallers() {
    super(ADMIN, Map.of(ADMIN, Set.of("ADMIN")));
  }
}
