package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.rules.AdministrativeDivisions.Division;
import org.junit.jupiter.api.Test;

class DivisionPickerTest {

  private final DivisionPicker picker = new DivisionPicker();

  @Test
  void choosesTheDistrict() {
    picker.setProvince("370000");
    picker.setCity("371500");
    picker.setDistrict("371502");

    assertEquals("371502", picker.selectedCode());
  }

  @Test
  void isIncompleteWhileTheCityHasDistrictsToChooseFrom() {
    picker.setProvince("370000");
    picker.setCity("371500");

    assertNull(picker.selectedCode());
  }

  @Test
  void isIncompleteWithOnlyAProvinceThatHasCities() {
    picker.setProvince("370000");

    assertNull(picker.selectedCode());
  }

  @Test
  void choosesACityWithoutDistricts() {
    picker.setProvince("440000");
    picker.setCity("441900"); // 东莞市 has no districts

    assertEquals("441900", picker.selectedCode());
  }

  @Test
  void choosesAMunicipalityDistrictOnTheSecondLevel() {
    picker.setProvince("110000");

    assertTrue(picker.getCities().stream().map(Division::code).anyMatch("110101"::equals));
    picker.setCity("110101");

    assertTrue(picker.getDistricts().isEmpty());
    assertEquals("110101", picker.selectedCode());
  }

  @Test
  void choosesAProvinceWithoutCities() {
    picker.setProvince("810000"); // 香港特别行政区

    assertEquals("810000", picker.selectedCode());
  }

  @Test
  void offersTheCitiesOfTheChosenProvince() {
    picker.setProvince("370000");

    assertTrue(picker.getCities().stream().map(Division::code).anyMatch("371500"::equals));
    assertTrue(picker.getCities().stream().allMatch(d -> d.code().startsWith("37")));
  }

  @Test
  void anotherProvinceClearsCityAndDistrict() {
    picker.setProvince("370000");
    picker.setCity("371500");
    picker.setDistrict("371502");

    picker.setProvince("440000");

    assertNull(picker.getCity());
    assertNull(picker.getDistrict());
    assertNull(picker.selectedCode());
  }

  @Test
  void anotherCityClearsTheDistrict() {
    picker.setProvince("370000");
    picker.setCity("371500");
    picker.setDistrict("371502");

    picker.setCity("370100");

    assertNull(picker.getDistrict());
  }

  @Test
  void theSameProvinceAgainKeepsCityAndDistrict() {
    picker.setProvince("370000");
    picker.setCity("371500");
    picker.setDistrict("371502");

    picker.setProvince("370000");

    assertEquals("371502", picker.selectedCode());
  }

  @Test
  void nothingChosenIsIncomplete() {
    assertNull(picker.selectedCode());
    assertTrue(picker.getCities().isEmpty());
  }
}
