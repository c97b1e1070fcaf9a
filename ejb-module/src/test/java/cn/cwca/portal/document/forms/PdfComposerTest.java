package cn.cwca.portal.document.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PdfComposerTest {

  private static final float SIZE = PdfComposer.BODY;

  private PdfComposer pdf;

  @BeforeEach
  void open() {
    pdf = new PdfComposer("test");
  }

  @AfterEach
  void close() {
    pdf.close();
  }

  /** The width of n Chinese characters. */
  private float chars(int n) {
    return pdf.textWidth("中".repeat(n), SIZE) + 0.01f;
  }

  @Test
  void chineseTextBreaksBetweenAnyTwoCharacters() {
    assertEquals(List.of("一二三四", "五六七八", "九"), pdf.wrap("一二三四五六七八九", SIZE, chars(4)));
  }

  @Test
  void everyLineFitsItsWidth() {
    String text = "数字证书申请单：" + "单位地址与收货地址（含门牌号）ABC-123 ".repeat(20);
    float width = chars(17);
    List<String> lines = pdf.wrap(text, SIZE, width);
    assertTrue(lines.size() > 10);
    for (String line : lines) {
      assertTrue(pdf.textWidth(line, SIZE) <= width, line);
    }
    assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", ""));
  }

  @Test
  void closingPunctuationNeverStartsALine() {
    // 《四》 ends exactly at the width: the 。 after it takes 四》 along to the next line.
    List<String> lines = pdf.wrap("一二《四》。五六", SIZE, chars(5));
    assertEquals(List.of("一二《", "四》。五六"), lines);
    for (String line : pdf.wrap("甲，乙。丙、丁；戊：己！庚？辛）".repeat(5), SIZE, chars(7))) {
      assertFalse("，。、；：！？）".indexOf(line.charAt(0)) >= 0, line);
    }
  }

  @Test
  void openingPunctuationNeverEndsALine() {
    assertEquals(List.of("一二三", "（四）"), pdf.wrap("一二三（四）", SIZE, chars(4)));
  }

  @Test
  void latinWordsAndNumbersStayWhole() {
    List<String> lines = pdf.wrap("统一社会信用代码91350100M000100Y43", SIZE, chars(12));
    assertEquals(List.of("统一社会信用代码", "91350100M000100Y43"), lines);
  }

  @Test
  void aWordLongerThanTheLineIsSplit() {
    String word = "A".repeat(80);
    List<String> lines = pdf.wrap(word, SIZE, chars(10));
    assertTrue(lines.size() > 1);
    assertEquals(word, String.join("", lines));
  }

  @Test
  void unbreakableTextMovesAsAWhole() {
    String options =
        PdfComposer.unbreakable("□ 新办（替换）") + "    " + PdfComposer.unbreakable("□ 更新+丢失补办");
    assertEquals(List.of("□ 新办（替换）", "□ 更新+丢失补办"), pdf.wrap(options, SIZE, chars(9)));
  }

  @Test
  void lineBreaksAreKeptAndAnIndentSurvives() {
    assertEquals(List.of("　　甲乙", "丙", "丁"), pdf.wrap("　　甲乙丙\n丁", SIZE, chars(4)));
  }

  @Test
  void unprintableCharactersArePlaceholders() {
    assertEquals("张堃喆", PdfComposer.printable("张堃喆"));
    assertEquals("吉□□", PdfComposer.printable("吉\uD842\uDFB7한"));
    assertEquals("a b", PdfComposer.printable("a\tb\u0007"));
    assertEquals("", PdfComposer.printable(null));
  }
}
