package cn.cwca.portal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.rules.AdministrativeDivisions.Division;
import cn.cwca.portal.rules.AdministrativeDivisions.Level;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdministrativeDivisionsTest {

  private final AdministrativeDivisions divisions = AdministrativeDivisions.get();

  private static List<String> codes(List<Division> list) {
    return list.stream().map(Division::code).toList();
  }

  @Test
  void loadsTheCatalogueOnce() {
    assertSame(divisions, AdministrativeDivisions.get());
  }

  @Test
  void hasThirtyFourProvincesInUseOrderedByCode() {
    List<Division> provinces = divisions.provinces();
    assertEquals(34, provinces.size());
    assertEquals("110000", provinces.get(0).code());
    assertEquals("北京市", provinces.get(0).name());
    assertEquals("820000", provinces.get(33).code());
    assertTrue(provinces.stream().allMatch(d -> d.inUse() && d.level() == Level.PROVINCE));
    assertEquals(codes(provinces).stream().sorted().toList(), codes(provinces));
  }

  @Test
  void shandongHasSixteenPrefecturesInUse() {
    List<Division> children = divisions.children("370000");
    assertEquals(16, children.size());
    assertTrue(children.stream().allMatch(d -> d.level() == Level.PREFECTURE && d.inUse()));
    assertTrue(codes(children).contains("371500"));
  }

  @Test
  void liaochengChildrenIncludeDongchangfuDistrict() {
    List<Division> children = divisions.children("371500");
    assertTrue(children.contains(new Division("371502", "东昌府区", Level.COUNTY, true)));
    assertEquals(
        List.of("371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"),
        codes(children));
  }

  @ParameterizedTest
  @CsvSource({"110000, 16", "120000, 16", "310000, 16", "500000, 38"})
  void municipalitiesListTheirDistrictsDirectly(String municipality, int districts) {
    List<Division> children = divisions.children(municipality);
    assertEquals(districts, children.size());
    assertTrue(children.stream().allMatch(d -> d.level() == Level.COUNTY && d.inUse()));
  }

  @Test
  void beijingChildrenAreItsDistrictsInUse() {
    List<String> children = codes(divisions.children("110000"));
    assertEquals("110101", children.get(0));
    assertTrue(children.contains("110105"));
    assertFalse(children.contains("110103"), "崇文区 was abolished in 2010");
    assertEquals(List.of(), divisions.children("110101"));
  }

  @Test
  void provinceListsCountiesItAdministersDirectly() {
    List<Division> hubei = divisions.children("420000");
    assertTrue(hubei.contains(new Division("420100", "武汉市", Level.PREFECTURE, true)));
    assertTrue(hubei.contains(new Division("429004", "仙桃市", Level.COUNTY, true)));
    assertTrue(codes(divisions.children("460000")).contains("469001"));
    assertTrue(codes(divisions.children("410000")).contains("419001"));
  }

  @Test
  void prefectureWithoutCountiesHasNoChildren() {
    assertEquals(List.of(), divisions.children("441900"));
    assertTrue(divisions.isSelectable("441900"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999", "110103", ""})
  void unknownOrAbolishedCodesHaveNoChildren(String code) {
    assertEquals(List.of(), divisions.children(code));
  }

  @Test
  void treeReachesEveryDivisionInUseExactlyOnce() {
    Set<String> seen = new HashSet<>();
    Deque<Division> pending = new ArrayDeque<>(divisions.provinces());
    int prefectures = 0;
    int counties = 0;
    while (!pending.isEmpty()) {
      Division division = pending.pop();
      assertTrue(seen.add(division.code()), division.code());
      prefectures += division.level() == Level.PREFECTURE ? 1 : 0;
      counties += division.level() == Level.COUNTY ? 1 : 0;
      pending.addAll(divisions.children(division.code()));
    }
    assertEquals(3213, seen.size());
    assertEquals(333, prefectures);
    assertEquals(2846, counties);
  }

  @Test
  void findsAbolishedCodes() {
    assertEquals(
        new Division("110103", "崇文区", Level.COUNTY, false), divisions.find("110103").orElseThrow());
    assertTrue(divisions.everUsed("110103"));
    assertFalse(divisions.isSelectable("110103"));
  }

  @Test
  void prefersTheRowInUseWhenACodeWasReused() {
    // 120110 was 东郊区 until 1992, then 东丽区.
    assertEquals("东丽区", divisions.find("120110").orElseThrow().name());
    assertTrue(divisions.isSelectable("120110"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999", "110100", "830000", "abc"})
  void doesNotKnowCodesNeverUsed(String code) {
    assertTrue(divisions.find(code).isEmpty());
    assertFalse(divisions.everUsed(code));
    assertFalse(divisions.isSelectable(code));
    assertEquals("", divisions.fullName(code));
  }

  @Test
  void toleratesNull() {
    assertTrue(divisions.find(null).isEmpty());
    assertFalse(divisions.everUsed(null));
    assertFalse(divisions.isSelectable(null));
    assertEquals("", divisions.fullName(null));
    assertEquals(List.of(), divisions.children(null));
  }

  @ParameterizedTest
  @CsvSource({
    "371502, 山东省 聊城市 东昌府区",
    "371500, 山东省 聊城市",
    "370000, 山东省",
    "110101, 北京市 东城区",
    "110103, 北京市 崇文区",
    "429004, 湖北省 仙桃市",
    "441900, 广东省 东莞市",
    "810000, 香港特别行政区"
  })
  void buildsFullNamesWithoutRepetitions(String code, String fullName) {
    assertEquals(fullName, divisions.fullName(code));
  }

  @Test
  void exposesJavaBeansGettersForExpressionLanguage() {
    Division division = divisions.find("371502").orElseThrow();
    assertEquals("371502", division.getCode());
    assertEquals("东昌府区", division.getName());
    assertEquals(Level.COUNTY, division.getLevel());
    assertTrue(division.isInUse());
  }

  @Test
  void returnsImmutableLists() {
    assertThrows(UnsupportedOperationException.class, () -> divisions.provinces().clear());
    assertThrows(UnsupportedOperationException.class, () -> divisions.children("370000").clear());
  }

  @Test
  void parsesACatalogueWithByteOrderMark() throws Exception {
    String csv =
        "\uFEFF代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n"
            + "990000,测试省,,测试省,省级,在用,2000,,\r\n"
            + "990100,测试省,测试市,测试市,地级,在用,2000,,\n"
            + "990102,测试省,测试市,甲区,县级,在用,2000,,\n"
            + "990103,测试省,测试市,乙区,县级,弃用,2000,2010,990102\n";
    AdministrativeDivisions parsed =
        AdministrativeDivisions.load(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("990000"), codes(parsed.provinces()));
    assertEquals(List.of("990100"), codes(parsed.children("990000")));
    assertEquals(List.of("990102"), codes(parsed.children("990100")));
    assertTrue(parsed.everUsed("990103"));
    assertEquals("测试省 测试市 甲区", parsed.fullName("990102"));
  }

  @Test
  void refusesAFileWithoutTheExpectedHeader() {
    byte[] csv = "code,name\n110000,x\n".getBytes(StandardCharsets.UTF_8);
    assertThrows(
        IllegalStateException.class,
        () -> AdministrativeDivisions.load(new ByteArrayInputStream(csv)));
  }
}
