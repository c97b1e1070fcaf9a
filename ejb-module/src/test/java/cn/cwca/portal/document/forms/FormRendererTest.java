package cn.cwca.portal.document.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.document.forms.ApplicationFormData.Agent;
import cn.cwca.portal.document.forms.ApplicationFormData.Certificate;
import cn.cwca.portal.document.forms.ApplicationFormData.Pickup;
import cn.cwca.portal.document.forms.ApplicationFormData.Subject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FormRendererTest {

  private static final FormRenderer RENDERER = new FormRenderer();

  private static final String ID = "ABCDEFGHJKMNPQ27";

  private static ApplicationFormData organisation(String name, String address) {
    return new ApplicationFormData(
        ID,
        new Certificate("新办（替换）", "2年", null, null),
        new Subject(true, "机构", name, null, "91350100M000100Y43", "张法人", address, "13812345678"),
        new Agent("王经办", "13912345678", "居民身份证", "110101190001010006"),
        new Pickup(
            PickupMethod.COURIER,
            "邮寄-收方付",
            "山东聊城办理点",
            "山东省聊城市",
            "李收货",
            "13812345678",
            "山东省聊城市东昌府区示例路1号",
            null,
            null,
            null,
            null));
  }

  private static ApplicationFormData person(String name) {
    return new ApplicationFormData(
        ID,
        new Certificate("更新+丢失补办", "1年", name, "1a2b3c"),
        new Subject(
            false, "自然人", name, "居民身份证", "11010119900307001X", null, "北京市 东城区", "13812345678"),
        new Agent(name, "13812345678", "居民身份证", "11010119900307001X"),
        new Pickup(
            PickupMethod.PICKUP,
            "自取",
            "山东聊城办理点",
            "山东省聊城市",
            null,
            null,
            null,
            null,
            "李取证",
            "13712345678",
            "110101199003070011"));
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** The text without line breaks and spaces: what a wrapped cell says. */
  private static String flat(String text) {
    return text.replaceAll("\\s", "");
  }

  @ParameterizedTest
  @CsvSource({
    "APPLICATION_FORM, 数字证书申请单",
    "SERVICE_AGREEMENT, CWCA电子认证服务协议",
    "SEAL_FORM, 公共资源电子签章采集表",
    "POWER_OF_ATTORNEY, 经办人授权委托书"
  })
  void everyTemplateIsAValidPdfWithItsChineseTitle(DocumentType type, String title)
      throws IOException {
    byte[] pdf = RENDERER.template(type);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertTrue(document.getNumberOfPages() >= 1);
      assertEquals(title, document.getDocumentInformation().getTitle());
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains(title), text);
    }
    assertTrue(pdf.length < 1024 * 1024, "size " + pdf.length);
  }

  @ParameterizedTest
  @EnumSource(
      value = DocumentType.class,
      names = {"BUSINESS_LICENCE", "AGENT_ID_COPY"})
  void documentsWithoutTemplateHaveNone(DocumentType type) {
    assertFalse(type.hasTemplate());
    assertThrows(IllegalArgumentException.class, () -> RENDERER.template(type));
  }

  @Test
  void theFilledApplicationFormShowsTheApplicationAndTheApplicant() throws IOException {
    String text = text(RENDERER.applicationForm(organisation("聊城示例科技有限公司", "山东省 聊城市 东昌府区")));
    for (String expected :
        List.of(
            "数字证书申请单",
            ID,
            "机构",
            "新办（替换）",
            "2年",
            "聊城示例科技有限公司",
            "91350100M000100Y43",
            "张法人",
            "王经办",
            "110101190001010006",
            "邮寄-收方付",
            "李收货",
            "单位盖章")) {
      assertTrue(text.contains(expected), expected + " in " + text);
    }
    assertTrue(text.contains("本单位（个人）承诺"), "the declaration of the messages bundle");
  }

  @Test
  void aPersonsFormShowsTheIdTypeTheCertificateAndTheCollector() throws IOException {
    String text = text(RENDERER.applicationForm(person("赵自然")));
    for (String expected :
        List.of("自然人", "姓名", "赵自然", "居民身份证", "11010119900307001X", "更新+丢失补办", "1a2b3c", "李取证")) {
      assertTrue(text.contains(expected), expected + " in " + text);
    }
    assertFalse(text.contains("法定代表人"), text);
    assertTrue(text.contains("申请人签字"), text);
  }

  @Test
  void theBlankApplicationFormOffersTheChoicesToTick() throws IOException {
    String text = text(RENDERER.template(DocumentType.APPLICATION_FORM));
    assertTrue(text.contains("□ 机构"), text);
    assertTrue(text.contains("□ 更新+丢失补办"), text);
    assertTrue(text.contains("□ 邮寄-收方付"), text);
    assertFalse(Pattern.compile("[A-Z2-7]{16}").matcher(text).find(), "no 申请ID: " + text);
  }

  @Test
  void theFontIsEmbeddedAsASubset() throws IOException {
    byte[] pdf = RENDERER.applicationForm(organisation("聊城示例科技有限公司", "山东省"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          fonts.add(resources.getFont(name));
        }
      }
      assertFalse(fonts.isEmpty());
      for (PDFont font : fonts) {
        assertTrue(font instanceof PDType0Font, font.getName());
        assertTrue(font.isEmbedded(), font.getName());
        assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC-Regular"), font.getName());
        int embedded =
            ((PDType0Font) font)
                .getDescendantFont()
                .getFontDescriptor()
                .getFontFile2()
                .toByteArray()
                .length;
        assertTrue(embedded > 0 && embedded < 500_000, "embedded font of " + embedded + " bytes");
      }
    }
    assertTrue(pdf.length < 1024 * 1024, "size " + pdf.length);
  }

  @Test
  void aCharacterOnlyInGbkIsPrinted() throws IOException {
    assertFalse(Charset.forName("GB2312").newEncoder().canEncode("堃喆"));
    assertTrue(Charset.forName("GBK").newEncoder().canEncode("堃喆"));
    String text = text(RENDERER.applicationForm(person("张堃喆")));
    assertTrue(text.contains("张堃喆"), text);
  }

  @Test
  void aCharacterOutsideTheFontBecomesAVisiblePlaceholder() throws IOException {
    // 𠮷 (U+20BB7, CJK extension B) and a Hangul syllable are not in the font's GBK set.
    String text = text(RENDERER.applicationForm(person("吉\uD842\uDFB7한")));
    assertTrue(text.contains("吉□□"), text);
  }

  @Test
  void aLongAddressWrapsInsideItsCell() throws IOException {
    String address = "新疆维吾尔自治区乌鲁木齐市天山区" + "某某街道（第三社区）示例路".repeat(14) + "1号";
    assertTrue(address.length() >= 200);
    byte[] pdf = RENDERER.applicationForm(organisation("聊城示例科技有限公司", address));
    assertTrue(flat(text(pdf)).contains(address));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      float right = document.getPage(0).getMediaBox().getWidth() - PdfComposer.MARGIN;
      List<Float> overflow = new ArrayList<>();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
              float end = text.getXDirAdj() + text.getWidthDirAdj();
              if (end > right + 0.5f) {
                overflow.add(end);
              }
            }
          };
      stripper.getText(document);
      assertEquals(List.of(), overflow, "characters beyond the right margin");
    }
  }

  @Test
  void theAgreementRunsOverNumberedPages() throws IOException {
    try (PDDocument document = Loader.loadPDF(RENDERER.template(DocumentType.SERVICE_AGREEMENT))) {
      int pages = document.getNumberOfPages();
      assertTrue(pages >= 2, "pages " + pages);
      String text = new PDFTextStripper().getText(document);
      for (String expected :
          List.of(
              "西部安全认证中心有限责任公司",
              "证书申请",
              "私钥的保管",
              "证书的吊销",
              "费用",
              "责任限制",
              "争议解决",
              "甲方（盖章）",
              "乙方（签字或盖章）")) {
        assertTrue(text.contains(expected), expected);
      }
      assertFalse(text.contains("#"), "the comments of the text file are not printed");
      for (int n = 1; n <= pages; n++) {
        assertTrue(text.contains("第 " + n + " 页  共 " + pages + " 页"), "footer of page " + n);
      }
    }
  }

  @Test
  void theSealFormHasTheBoxesToStampIn() throws IOException {
    String text = text(RENDERER.template(DocumentType.SEAL_FORM));
    assertTrue(text.contains("印章样式（请在框内加盖印章）"), text);
    assertTrue(text.contains("统一社会信用代码"), text);
    assertTrue(text.contains("法定代表人签字"), text);
  }

  @Test
  void thePowerOfAttorneyNamesBothParties() throws IOException {
    String text = text(RENDERER.template(DocumentType.POWER_OF_ATTORNEY));
    for (String expected : List.of("委托人（单位）", "受托人（经办人）", "兹委托", "委托单位（盖章）", "受托人（签字）")) {
      assertTrue(text.contains(expected), expected);
    }
  }

  @Test
  void fileNamesAreTheDocumentsNames() {
    assertEquals(
        "数字证书申请单-" + ID + ".pdf", FormRenderer.fileName(DocumentType.APPLICATION_FORM, ID));
    assertEquals("数字证书申请单.pdf", FormRenderer.fileName(DocumentType.APPLICATION_FORM, null));
    assertEquals("CWCA电子认证服务协议.pdf", FormRenderer.fileName(DocumentType.SERVICE_AGREEMENT, null));
  }
}
