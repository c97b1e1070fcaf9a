package cn.cwca.portal.catalogue;

import static cn.cwca.portal.catalogue.ManualCatalogue.LIAOCHENG;
import static cn.cwca.portal.catalogue.ManualCatalogue.YINCHUAN;
import static cn.cwca.portal.catalogue.PickupMethod.COURIER;
import static cn.cwca.portal.catalogue.PickupMethod.PICKUP;
import static cn.cwca.portal.catalogue.PickupMethod.SELF_SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PickupRulesTest {

  private final PickupRules rules = ManualCatalogue.pickupRules();

  private static List<String> describe(List<PickupOption> options) {
    return options.stream().map(o -> o.getMethod() + "@" + o.getHandlingPoint().getCode()).toList();
  }

  @Test
  void firstNewKeyIsShippedFromOrCollectedAtLiaocheng() {
    assertEquals(
        List.of("COURIER@SD_LIAOCHENG", "PICKUP@SD_LIAOCHENG"),
        describe(rules.optionsFor(ServiceType.NEW_OR_REPLACE, false)));
  }

  @Test
  void furtherPaidNewKeyIsOnlyShippedFromYinchuan() {
    assertEquals(
        List.of("COURIER@NX_YINCHUAN"),
        describe(rules.optionsFor(ServiceType.NEW_OR_REPLACE, true)));
  }

  @ParameterizedTest
  @EnumSource(
      value = ServiceType.class,
      names = {"RENEW", "CHANGE", "CHANGE_AND_RENEW"})
  void renewalAndChangeAreSelfServiceOnly(ServiceType type) {
    assertEquals(List.of(SELF_SERVICE), rules.methodsFor(type, false));
    assertEquals(
        List.of(SELF_SERVICE), rules.methodsFor(type, true), "the key count is irrelevant");
  }

  @Test
  void lostKeyIsShippedFromOrCollectedAtLiaochengWhateverTheKeyCount() {
    List<String> expected = List.of("COURIER@SD_LIAOCHENG", "PICKUP@SD_LIAOCHENG");
    assertEquals(expected, describe(rules.optionsFor(ServiceType.LOST, false)));
    assertEquals(expected, describe(rules.optionsFor(ServiceType.LOST, true)));
  }

  @Test
  void renewalOfALostFirstKeyIsLikeAFirstKeyAndOfAFurtherKeyShipsFromYinchuan() {
    assertEquals(
        List.of("COURIER@SD_LIAOCHENG", "PICKUP@SD_LIAOCHENG"),
        describe(rules.optionsFor(ServiceType.RENEW_AND_LOST, false)));
    assertEquals(
        List.of("COURIER@NX_YINCHUAN"),
        describe(rules.optionsFor(ServiceType.RENEW_AND_LOST, true)));
  }

  @Test
  void chosenMethodGetsItsOnlyHandlingPoint() {
    PickupOption courier = rules.choose(ServiceType.NEW_OR_REPLACE, true, COURIER, null);
    assertEquals(YINCHUAN, courier.getHandlingPoint());
    PickupOption pickup = rules.choose(ServiceType.NEW_OR_REPLACE, false, PICKUP, " ");
    assertEquals(LIAOCHENG, pickup.getHandlingPoint());
  }

  @Test
  void refusesCollectingAPaidKeyAtTheCounter() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> rules.choose(ServiceType.NEW_OR_REPLACE, true, PICKUP, null));
    assertEquals("application.pickup.notAllowed", e.messageKey());
  }

  @Test
  void refusesShippingAFirstKeyFromTheWrongHandlingPoint() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> rules.choose(ServiceType.NEW_OR_REPLACE, false, COURIER, "NX_YINCHUAN"));
    assertEquals("application.pickup.notAllowed", e.messageKey());
  }

  @Test
  void refusesShippingARenewal() {
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> rules.choose(ServiceType.RENEW, false, COURIER, null));
    assertEquals("application.pickup.notAllowed", e.messageKey());
  }

  @Test
  void refusesSelfServiceForANewKey() {
    assertThrows(
        BusinessException.class,
        () -> rules.choose(ServiceType.NEW_OR_REPLACE, false, SELF_SERVICE, null));
  }

  @Test
  void refusesAMissingMethod() {
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> rules.choose(ServiceType.LOST, false, null, null));
    assertEquals("application.pickup.methodRequired", e.messageKey());
  }

  @Test
  void asksForTheHandlingPointWhenAMethodHasSeveral() {
    HandlingPoint jinan = new HandlingPoint("SD_JINAN", "山东济南办理点", "山东省济南市");
    PickupRules twoCounters =
        new PickupRules(
            List.of(
                new PickupOption(ServiceType.LOST, false, PICKUP, LIAOCHENG),
                new PickupOption(ServiceType.LOST, false, PICKUP, jinan)));
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> twoCounters.choose(ServiceType.LOST, false, PICKUP, null));
    assertEquals("application.pickup.handlingPointRequired", e.messageKey());
    assertEquals(
        jinan, twoCounters.choose(ServiceType.LOST, false, PICKUP, "SD_JINAN").getHandlingPoint());
  }

  @Test
  void aStoredChoiceNoLongerAllowedIsRecognised() {
    assertTrue(rules.allows(ServiceType.NEW_OR_REPLACE, false, PICKUP, "SD_LIAOCHENG"));
    assertFalse(rules.allows(ServiceType.NEW_OR_REPLACE, true, PICKUP, "SD_LIAOCHENG"));
    assertFalse(rules.allows(ServiceType.RENEW, false, PICKUP, "SD_LIAOCHENG"));
  }
}
