package cn.cwca.portal.document.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 操作文档: the applicants' operation manual of this system, offered on 控件下载 as a PDF. It is composed
 * from a plain source ({@value #SOURCE}) and the screenshots the browser tests take of the real
 * pages ({@code manual/screens/<name>.png}), so that text and pictures change with the pages.
 *
 * <p>The source has one element per line or paragraph: {@code # } the title, {@code ## } a chapter,
 * {@code ### } a section, {@code ![caption](name)} a screenshot; other lines are paragraphs (a
 * blank line ends one).
 */
public final class OperationManual {

  static final String SOURCE = "manual/operation-manual.txt";

  private static final Pattern SCREEN = Pattern.compile("!\\[([^\\]]*)\\]\\(([a-z0-9-]+)\\)");

  private OperationManual() {}

  /** The manual as a PDF, composed once per server. */
  public static byte[] pdf() {
    return Composed.PDF.clone();
  }

  /** The names of the screenshots the manual shows, in their order. */
  public static List<String> screens() {
    return screens(source());
  }

  static List<String> screens(String source) {
    List<String> names = new ArrayList<>();
    Matcher m = SCREEN.matcher(source);
    while (m.find()) {
      names.add(m.group(2));
    }
    return names;
  }

  static String source() {
    return new String(resource(SOURCE), StandardCharsets.UTF_8);
  }

  static byte[] compose(String source) {
    String title = "";
    List<String> paragraph = new ArrayList<>();
    PdfComposer pdf = null;
    try {
      for (String raw : (source + "\n").split("\n", -1)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("![")) {
          if (pdf != null && !paragraph.isEmpty()) {
            pdf.paragraph(String.join("", paragraph), PdfComposer.BODY, true);
            pdf.gap(4);
          }
          paragraph.clear();
        }
        if (line.startsWith("# ")) {
          title = line.substring(2);
          pdf = new PdfComposer(title);
          pdf.title(title);
          pdf.gap(6);
        } else if (pdf == null) {
          if (!line.isEmpty()) {
            throw new IllegalArgumentException("The manual must start with its title (# …)");
          }
        } else if (line.startsWith("## ") || line.startsWith("### ")) {
          pdf.gap(line.startsWith("## ") ? 8 : 2);
          pdf.heading(line.substring(line.indexOf(' ') + 1));
        } else if (line.startsWith("![")) {
          Matcher m = SCREEN.matcher(line);
          if (!m.matches()) {
            throw new IllegalArgumentException("Not a screenshot reference: " + line);
          }
          pdf.image(resource(screenPath(m.group(2))), m.group(2) + ".png", m.group(1));
          pdf.gap(4);
        } else if (!line.isEmpty()) {
          paragraph.add(line);
        }
      }
      if (pdf == null) {
        throw new IllegalArgumentException("The manual is empty");
      }
      PdfComposer done = pdf;
      pdf = null;
      return done.finish();
    } finally {
      if (pdf != null) {
        pdf.close();
      }
    }
  }

  /** The classpath location of a screenshot, beside the source. */
  static String screenPath(String name) {
    return "manual/screens/" + name + ".png";
  }

  private static byte[] resource(String path) {
    try (InputStream in = OperationManual.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the build: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The composed manual, made on first use. */
  private static final class Composed {
    static final byte[] PDF = compose(source());
  }
}
