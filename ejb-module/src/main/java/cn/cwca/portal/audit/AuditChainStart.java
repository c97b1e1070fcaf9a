package cn.cwca.portal.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Chains, shortly after start-up, the entries written before the chain existed (or by a server not
 * yet upgraded), without holding up the deployment.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChainStart {

  @Resource TimerService timers;

  @EJB AuditChainer chainer;

  @PostConstruct
  void schedule() {
    timers.createSingleActionTimer(5_000, new TimerConfig("audit-chain-start", false));
  }

  @Timeout
  void chain() {
    chainer.chainAll();
  }
}
