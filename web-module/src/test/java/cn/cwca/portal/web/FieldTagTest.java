package cn.cwca.portal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' cw:field blocks (WEB-INF/tags/field.xhtml) fit the tag: each labels an input of its
 * body, and no body uses the tag's attribute names as EL variables (inside a tag file they name the
 * tag's attributes).
 */
class FieldTagTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");

  private static final Pattern FIELD =
      Pattern.compile("<cw:field\\s([^>]*)>(.*?)</cw:field>", Pattern.DOTALL);

  private static final Pattern FOR = Pattern.compile("\\bfor=\"(\\w+)\"");

  private static final Pattern ATTRIBUTE_AS_VARIABLE =
      Pattern.compile(
          "#\\{[^}]*(?<![.\\w'])(for|label|input|id|styleClass|rendered|message)\\b(?!['\\w])");

  @Test
  void theTagLibraryIsRegistered() throws IOException {
    String webXml = read(WEBAPP.resolve("WEB-INF/web.xml")).replaceAll("\\s+", "");
    assertTrue(
        webXml.contains(
            "<param-name>jakarta.faces.FACELETS_LIBRARIES</param-name>"
                + "<param-value>/WEB-INF/portal.taglib.xml</param-value>"));
    String taglib = read(WEBAPP.resolve("WEB-INF/portal.taglib.xml"));
    assertTrue(taglib.contains("<namespace>http://cwca.cn/portal/tags</namespace>"));
    assertTrue(Files.exists(WEBAPP.resolve("WEB-INF/tags/field.xhtml")));
  }

  @Test
  void everyFieldLabelsAnInputOfItsBodyAndLeavesTheTagsNamesAlone() throws IOException {
    List<String> wrong = new ArrayList<>();
    int fields = 0;
    try (Stream<Path> pages = Files.walk(WEBAPP)) {
      for (Path page :
          pages
              .filter(p -> p.toString().endsWith(".xhtml"))
              .filter(p -> !p.startsWith(WEBAPP.resolve("WEB-INF/tags")))
              .toList()) {
        String text = read(page);
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
          fields++;
          Matcher forAttribute = FOR.matcher(field.group(1));
          String body = field.group(2);
          if (!forAttribute.find() || !body.contains("id=\"" + forAttribute.group(1) + "\"")) {
            wrong.add(page + ": " + field.group(1));
          }
          Matcher variable = ATTRIBUTE_AS_VARIABLE.matcher(body);
          if (variable.find()) {
            wrong.add(page + ": " + variable.group());
          }
        }
        assertFalse(
            text.contains("<cw:field") && !text.contains("xmlns:cw=\"http://cwca.cn/portal/tags\""),
            page + " declares the namespace");
      }
    }
    assertTrue(fields > 50, "the pages use cw:field: " + fields);
    assertTrue(wrong.isEmpty(), "fields that do not fit: " + wrong);
  }

  private static String read(Path path) throws IOException {
    return Files.readString(path, StandardCharsets.UTF_8);
  }
}
