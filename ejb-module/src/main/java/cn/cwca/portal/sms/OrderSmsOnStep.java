package cn.cwca.portal.sms;

import cn.cwca.portal.application.OrderStepTaken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the applicant of a step of their order by SMS once the step has committed; a step that was
 * rolled back sends nothing, and an SMS that fails is logged and never undoes the step.
 */
@ApplicationScoped
public class OrderSmsOnStep {

  private static final Logger LOG = Logger.getLogger(OrderSmsOnStep.class.getName());

  @Inject OrderSms sms;

  void stepTaken(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderStepTaken step) {
    if (!OrderSmsTexts.notifies(step.event())) {
      return;
    }
    try {
      sms.send(step);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          e,
          () -> "SMS of " + step.event() + " of order " + step.publicId() + " not sent");
    }
  }
}
