package cn.cwca.portal.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ApplicationException;
import org.junit.jupiter.api.Test;

class BusinessExceptionTest {

  @Test
  void carriesTheMessageKeyAndItsArguments() {
    BusinessException e = new BusinessException("login.throttled", 15L);
    assertEquals("login.throttled", e.messageKey());
    assertArrayEquals(new Object[] {15L}, e.args());
  }

  @Test
  void theArgumentsCannotBeChangedFromOutside() {
    BusinessException e = new BusinessException("login.throttled", 15L);
    e.args()[0] = 99L;
    assertEquals(15L, e.args()[0]);
  }

  @Test
  void rollsTheContainerTransactionBack() {
    ApplicationException marker = BusinessException.class.getAnnotation(ApplicationException.class);
    assertTrue(marker.rollback());
  }
}
