package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts the invoice pages name literally ({@code labels['...']}, {@code messages['...']}) are
 * in their bundles, so that none shows up as {@code ???key???}.
 */
class InvoicePagesTextsTest {

  private static final Pattern KEY = Pattern.compile("(labels|messages)\\['([A-Za-z0-9_.]+)'\\]");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "finance/invoices.xhtml",
        "WEB-INF/includes/invoice-buyer.xhtml",
        "WEB-INF/includes/invoice-buyer-data.xhtml",
        "applicant/progress.xhtml",
        "admin/index.xhtml",
        "admin/audit.xhtml",
        "WEB-INF/templates/portal.xhtml"
      })
  void everyLiteralKeyIsInItsBundle(String page) throws IOException {
    String text = Files.readString(Path.of("src/main/webapp", page), StandardCharsets.UTF_8);
    Properties labels = load("/cn/cwca/portal/web/labels.properties");
    Properties messages = load("/cn/cwca/portal/messages.properties");
    List<String> missing = new ArrayList<>();
    Matcher m = KEY.matcher(text);
    boolean any = false;
    while (m.find()) {
      any = true;
      Properties bundle = m.group(1).equals("labels") ? labels : messages;
      if (!bundle.containsKey(m.group(2))) {
        missing.add(m.group(0));
      }
    }
    assertTrue(any, "the page names texts");
    assertTrue(missing.isEmpty(), page + " names missing texts: " + missing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ORGANISATION", "PERSON"})
  void theTaxIdHintOfEachBuyerKindIsThere(String kind) throws IOException {
    String hint =
        load("/cn/cwca/portal/web/labels.properties")
            .getProperty("invoiceBuyer.taxId.hint." + kind);
    assertFalse(hint == null || hint.isBlank(), kind);
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = InvoicePagesTextsTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, resource);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
