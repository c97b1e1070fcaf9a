package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The delivery pages (快递发货, 现场领取, 进度查询's 签收 and tracking link): every text they name literally is
 * in its bundle, and the element ids the browser tests find them by stay in place.
 */
class DeliveryPagesTextsTest {

  private static final Pattern KEY = Pattern.compile("(labels|messages)\\['([A-Za-z0-9_.]+)'\\]");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "operator/shipping.xhtml",
        "operator/counter.xhtml",
        "applicant/progress.xhtml",
        "admin/index.xhtml",
        "WEB-INF/templates/portal.xhtml"
      })
  void everyLiteralKeyIsInItsBundle(String page) throws IOException {
    String text = page(page);
    Properties labels = load("/cn/cwca/portal/web/labels.properties");
    Properties messages = load("/cn/cwca/portal/messages.properties");
    List<String> missing = new ArrayList<>();
    Matcher m = KEY.matcher(text);
    while (m.find()) {
      Properties bundle = m.group(1).equals("labels") ? labels : messages;
      if (!bundle.containsKey(m.group(2))) {
        missing.add(m.group(0));
      }
    }
    assertTrue(missing.isEmpty(), page + " names missing texts: " + missing);
  }

  @ParameterizedTest
  @CsvSource({
    "operator/shipping.xhtml, shipWaybill",
    "operator/shipping.xhtml, shipSubmit",
    "operator/shipping.xhtml, reshipWaybill",
    "operator/shipping.xhtml, reshipReason",
    "operator/shipping.xhtml, reshipSubmit",
    "operator/shipping.xhtml, reshipYes",
    "operator/counter.xhtml, counterQuery",
    "operator/counter.xhtml, counterSearch",
    "operator/counter.xhtml, counterCollectorName",
    "operator/counter.xhtml, counterCollectorId",
    "operator/counter.xhtml, handOver",
    "operator/counter.xhtml, handOverYes",
    "operator/counter.xhtml, readyForPickup",
    "operator/counter.xhtml, readyYes",
    "applicant/progress.xhtml, signOrder",
    "applicant/progress.xhtml, signYes",
    "applicant/progress.xhtml, trackingLink",
    "WEB-INF/templates/portal.xhtml, menuShipping",
    "WEB-INF/templates/portal.xhtml, menuCounter",
    "admin/index.xhtml, shippingLink",
    "admin/index.xhtml, counterLink"
  })
  void theBrowserTestsFindTheirElements(String page, String id) throws IOException {
    assertTrue(page(page).contains("id=\"" + id + "\""), page + " has id " + id);
  }

  @Test
  void theTrackingLinkOpensSfsPageWithoutAWayBack() throws IOException {
    String progress = page("applicant/progress.xhtml");
    assertTrue(progress.contains("target=\"_blank\" rel=\"noopener\""), "rel=noopener");
  }

  @Test
  void theOperatorsPagesAreForOperatorsOnly() throws IOException {
    String webXml = page("WEB-INF/web.xml").replaceAll("\\s+", "");
    assertTrue(
        webXml.contains(
            "<url-pattern>/operator/*</url-pattern></web-resource-collection>"
                + "<auth-constraint><role-name>OPERATOR</role-name></auth-constraint>"),
        "web.xml constrains /operator/* to OPERATOR");
  }

  private static String page(String path) throws IOException {
    return Files.readString(Path.of("src/main/webapp", path), StandardCharsets.UTF_8);
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = DeliveryPagesTextsTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, resource);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
