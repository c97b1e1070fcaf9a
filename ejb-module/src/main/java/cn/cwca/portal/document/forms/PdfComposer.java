package cn.cwca.portal.document.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The layout of the portal's printed forms, in one place: A4 pages with the embedded Noto Sans SC
 * subset (SIL Open Font License 1.1, see {@code OFL.txt} beside the font), a cursor that moves down
 * the page, and the few elements the forms are made of: a title, paragraphs wrapped for Chinese
 * text, tables of labelled cells, boxes to stamp a seal in, signature lines, and the footer 第 n 页 共
 * m 页 on every page.
 *
 * <p>The font file is read once into memory; every document parses its own copy of it (FontBox's
 * TrueTypeFont is not thread-safe) and embeds only the glyphs it uses. A character the font lacks
 * is printed as {@link #MISSING} instead of failing the document.
 *
 * <p>Not thread-safe: one instance composes one document; {@link #finish()} returns its bytes.
 */
final class PdfComposer implements AutoCloseable {

  /** Classpath location of the font (a subset of Noto Sans SC Regular, see tools/font-subset). */
  static final String FONT_RESOURCE = "NotoSansSC-Regular-subset.ttf";

  /** What replaces a character the font cannot print. */
  static final char MISSING = '□';

  /** U+2060, joins the characters of {@link #unbreakable} text. */
  private static final char WORD_JOINER = '\u2060';

  static final PDRectangle PAGE_SIZE = PDRectangle.A4;

  /** 20 mm. */
  static final float MARGIN = 56.7f;

  static final float BOTTOM = 64f;

  /** 五号 (10.5 pt), the body text of Chinese forms. */
  static final float BODY = 10.5f;

  static final float SMALL = 9f;

  static final float TITLE = 18f;

  /** Inner padding of a table cell. */
  static final float PADDING = 4f;

  /** The smallest height of a table row, room for a hand-written entry on a blank form. */
  static final float MIN_ROW = 22f;

  /** Line height as a multiple of the font size. */
  static final float LEADING = 1.5f;

  static final float TABLE_LEADING = 1.3f;

  /** Ascent and descent of Noto Sans SC (typo metrics, em fraction), to centre text on its line. */
  private static final float ASCENT = 0.88f;

  private static final float DESCENT = 0.12f;

  /** Grey of the label cells and section rows. */
  private static final float LABEL_FILL = 0.93f;

  private static final float SECTION_FILL = 0.85f;

  private static final float LINE = 0.6f;

  /**
   * The largest extra space between two characters of a justified line, as a font size fraction.
   */
  private static final float MAX_JUSTIFY = 0.2f;

  /** Characters that must not begin a line (避头尾: closing punctuation). */
  private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}";

  /** Characters that must not end a line (opening punctuation). */
  private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

  private final PDDocument document;
  private final PDType0Font font;
  private PDPage page;
  private PDPageContentStream content;
  private float y;

  /** A new, empty document with the font loaded; the first page opens at the first element. */
  PdfComposer(String title) {
    document = new PDDocument();
    try {
      font = PDType0Font.load(document, new RandomAccessReadBuffer(FontFile.BYTES), true, false);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot load the form font", e);
    }
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setCreator(FormTexts.text("ca.name"));
  }

  /** The font bytes, read once; and which BMP characters the font can print. */
  private static final class FontFile {
    static final byte[] BYTES = read();
    static final BitSet PRINTABLE = printable(BYTES);

    private static byte[] read() {
      try (InputStream in = PdfComposer.class.getResourceAsStream(FONT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("font missing from the classpath: " + FONT_RESOURCE);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static BitSet printable(byte[] bytes) {
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        BitSet set = new BitSet(0x10000);
        for (int c = 0x20; c < 0x10000; c++) {
          if (cmap.getGlyphId(c) != 0) {
            set.set(c);
          }
        }
        return set;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Width of the text area. */
  float width() {
    return PAGE_SIZE.getWidth() - 2 * MARGIN;
  }

  /**
   * The text as the font prints it: line breaks and tabs become spaces, other control characters
   * vanish, and a character without a glyph (a rare ideograph outside the font's set, an emoji)
   * becomes {@link #MISSING}.
   */
  static String printable(String text) {
    return printable(text, false);
  }

  private static String printable(String text, boolean keepJoiners) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
              } else if (c == WORD_JOINER) {
                if (keepJoiners) {
                  out.append(WORD_JOINER);
                }
              } else if (c < 0x10000 && FontFile.PRINTABLE.get(c)) {
                out.append((char) c);
              } else if (!Character.isISOControl(c) && c != 0xFEFF) {
                out.append(MISSING);
              }
            });
    return out.toString();
  }

  /** The text as one unit that {@link #wrap} does not break (unless it is wider than a line). */
  static String unbreakable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (out.length() > 0) {
                out.append(WORD_JOINER);
              }
              out.appendCodePoint(c);
            });
    return out.toString();
  }

  /** Width of a printable text at a font size, in points. */
  float textWidth(String printableText, float size) {
    try {
      return font.getStringWidth(printableText) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Breaks a text into lines no wider than {@code maxWidth}: between any two Chinese characters,
   * but not inside a run of Latin letters and digits unless it is wider than a line, never with a
   * closing punctuation mark at the start of a line nor an opening one at its end. Explicit line
   * breaks ({@code \n}) are kept; the result has at least one (possibly empty) line.
   */
  List<String> wrap(String text, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
      wrapParagraph(printable(paragraph, true), size, maxWidth, lines);
    }
    return lines;
  }

  private void wrapParagraph(String text, float size, float maxWidth, List<String> lines) {
    List<String> units = units(text);
    StringBuilder line = new StringBuilder();
    boolean continued = false;
    int i = 0;
    while (i < units.size()) {
      String unit = units.get(i);
      if (continued && line.length() == 0 && unit.isBlank()) {
        i++; // no leading space on a continued line (a paragraph's indent stays)
        continue;
      }
      if (textWidth(line + unit, size) <= maxWidth) {
        line.append(unit);
        i++;
        continue;
      }
      if (line.length() == 0) {
        // A single unit wider than the line: split it by characters.
        int fit = 1;
        while (fit < unit.length() && textWidth(unit.substring(0, fit + 1), size) <= maxWidth) {
          fit++;
        }
        lines.add(unit.substring(0, fit));
        units.set(i, unit.substring(fit));
        continued = true;
        continue;
      }
      // 避头尾: when the next line would start with a closing mark, the closing marks ending this
      // line and the character before them go along; an opening mark never ends a line.
      int carry =
          NO_LINE_START.indexOf(unit.charAt(0)) >= 0
              ? trailing(line, NO_LINE_START) + 1
              : trailing(line, NO_LINE_END);
      if (carry > 0 && carry < line.length()) {
        units.add(i, line.substring(line.length() - carry));
        line.setLength(line.length() - carry);
      }
      lines.add(line.toString().stripTrailing());
      line.setLength(0);
      continued = true;
    }
    lines.add(line.toString().stripTrailing());
  }

  /** How many characters at the end of the line are among the marks. */
  private static int trailing(CharSequence line, String marks) {
    int k = 0;
    while (k < line.length() && marks.indexOf(line.charAt(line.length() - 1 - k)) >= 0) {
      k++;
    }
    return k;
  }

  /**
   * Latin words and numbers stay together, as do characters joined by {@link #WORD_JOINER} (which
   * are dropped); every other character is a unit of its own.
   */
  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    boolean join = false;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == WORD_JOINER) {
        join = !units.isEmpty();
        i++;
        continue;
      }
      int j = i + 1;
      if (latin(text.charAt(i))) {
        while (j < text.length() && latin(text.charAt(j))) {
          j++;
        }
      }
      String unit = text.substring(i, j);
      if (join) {
        units.set(units.size() - 1, units.get(units.size() - 1) + unit);
      } else {
        units.add(unit);
      }
      join = false;
      i = j;
    }
    return units;
  }

  private static boolean latin(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '@'
        || c == '_'
        || c == '.';
  }

  // ===== pages =====

  private void newPage() {
    closeContent();
    page = new PDPage(PAGE_SIZE);
    document.addPage(page);
    try {
      content = new PDPageContentStream(document, page);
      content.setLineWidth(LINE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = PAGE_SIZE.getHeight() - MARGIN;
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void ensureSpace(float height) {
    if (page == null || y - height < BOTTOM) {
      newPage();
    }
  }

  /** Moves the cursor down. */
  void gap(float height) {
    ensureSpace(0);
    y = Math.max(BOTTOM, y - height);
  }

  /** The document's title, centred, in a heavier stroke. */
  void title(String text) {
    String line = printable(text);
    float lineHeight = TITLE * LEADING;
    ensureSpace(lineHeight + 8);
    float x = MARGIN + (width() - textWidth(line, TITLE)) / 2;
    showText(line, x, baseline(y, lineHeight, TITLE), TITLE, true);
    y -= lineHeight + 8;
  }

  /** A short line aligned to the right edge, e.g. 申请ID. */
  void rightAligned(String text, float size) {
    String line = printable(text);
    float lineHeight = size * LEADING;
    ensureSpace(lineHeight);
    showText(line, MARGIN + width() - textWidth(line, size), baseline(y, lineHeight, size), size);
    y -= lineHeight;
  }

  /** A heading line (an agreement's clause), in a heavier stroke. */
  void heading(String text) {
    List<String> lines = wrap(text, BODY, width());
    float lineHeight = BODY * LEADING;
    // Kept with the first two lines of what follows.
    ensureSpace(lineHeight * (lines.size() + 2) + 4);
    y -= 4;
    for (String line : lines) {
      ensureSpace(lineHeight);
      showText(line, MARGIN, baseline(y, lineHeight, BODY), BODY, true);
      y -= lineHeight;
    }
  }

  /**
   * A paragraph wrapped to the text width and justified, as Chinese prose is (the last line of a
   * paragraph is not); with {@code indent}, every paragraph (line of the text) starts two
   * characters in.
   */
  void paragraph(String text, float size, boolean indent) {
    float lineHeight = size * LEADING;
    for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
      String body = indent ? "　　" + paragraph.strip() : paragraph;
      List<String> lines = wrap(body, size, width());
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        ensureSpace(lineHeight);
        float spacing = 0;
        if (i < lines.size() - 1 && line.length() > 1) {
          spacing =
              Math.min((width() - textWidth(line, size)) / (line.length() - 1), size * MAX_JUSTIFY);
        }
        showText(line, MARGIN, baseline(y, lineHeight, size), size, false, spacing);
        y -= lineHeight;
      }
    }
  }

  /**
   * An image (PNG or JPEG) across the text width, or smaller to fit a page, with its caption
   * centred under it; starts a new page unless it fits on this one.
   */
  void image(byte[] bytes, String name, String caption) {
    PDImageXObject image;
    try {
      image = PDImageXObject.createFromByteArray(document, bytes, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image " + name, e);
    }
    String line = printable(caption);
    float captionHeight = SMALL * LEADING;
    float maxHeight = PAGE_SIZE.getHeight() - MARGIN - BOTTOM - captionHeight - 8;
    float scale = Math.min(width() / image.getWidth(), maxHeight / image.getHeight());
    float w = image.getWidth() * scale;
    float h = image.getHeight() * scale;
    ensureSpace(h + captionHeight + 8);
    y -= 4;
    float x = MARGIN + (width() - w) / 2;
    try {
      content.drawImage(image, x, y - h, w, h);
      content.addRect(x, y - h, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= h;
    showText(
        line,
        MARGIN + (width() - textWidth(line, SMALL)) / 2,
        baseline(y, captionHeight, SMALL),
        SMALL);
    y -= captionHeight + 4;
  }

  // ===== tables =====

  /** One cell of a table row: its text, its width in points, and whether it is a label. */
  record Cell(String text, float width, Kind kind) {
    Cell {
      Objects.requireNonNull(kind);
    }
  }

  /** How a cell looks. */
  enum Kind {
    /** A field's name: grey, centred. */
    LABEL,
    /** A field's value (empty on a blank form): left-aligned. */
    VALUE,
    /** A section across the table: darker, centred, heavier. */
    SECTION
  }

  static Cell label(String text, float width) {
    return new Cell(text, width, Kind.LABEL);
  }

  static Cell value(String text, float width) {
    return new Cell(text, width, Kind.VALUE);
  }

  /** A section row across the whole width. */
  void section(String text) {
    row(MIN_ROW, new Cell(text, width(), Kind.SECTION));
  }

  /** A row of a table of the full text width, at least {@link #MIN_ROW} high. */
  void row(Cell... cells) {
    row(MIN_ROW, cells);
  }

  /**
   * A row of a table: the cells side by side from the left margin, each text wrapped in its cell,
   * the row as high as its tallest cell (at least {@code minHeight}); it moves to the next page as
   * a whole when it does not fit.
   */
  void row(float minHeight, Cell... cells) {
    float lineHeight = BODY * TABLE_LEADING;
    List<List<String>> texts = new ArrayList<>();
    float height = minHeight;
    for (Cell cell : cells) {
      List<String> lines = wrap(cell.text(), BODY, cell.width() - 2 * PADDING);
      texts.add(lines);
      height = Math.max(height, lines.size() * lineHeight + 2 * PADDING);
    }
    ensureSpace(height);
    float x = MARGIN;
    for (int i = 0; i < cells.length; i++) {
      Cell cell = cells[i];
      drawCell(cell, texts.get(i), x, y, height, lineHeight);
      x += cell.width();
    }
    y -= height;
  }

  private void drawCell(
      Cell cell, List<String> lines, float x, float top, float height, float lineHeight) {
    try {
      if (cell.kind() != Kind.VALUE) {
        content.setNonStrokingColor(cell.kind() == Kind.SECTION ? SECTION_FILL : LABEL_FILL);
        content.addRect(x, top - height, cell.width(), height);
        content.fill();
        content.setNonStrokingColor(0f);
      }
      content.addRect(x, top - height, cell.width(), height);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    float textTop = top - (height - lines.size() * lineHeight) / 2;
    for (String line : lines) {
      float textX =
          cell.kind() == Kind.VALUE ? x + PADDING : x + (cell.width() - textWidth(line, BODY)) / 2;
      showText(line, textX, baseline(textTop, lineHeight, BODY), BODY, cell.kind() == Kind.SECTION);
      textTop -= lineHeight;
    }
  }

  /**
   * A row of cells to sign or stamp in: each cell shows its caption at the top left and {@code
   * footer} (e.g. the date line) at the bottom right, with room in between.
   */
  void signatureRow(float height, String footer, String... captions) {
    ensureSpace(height);
    float cellWidth = width() / captions.length;
    float lineHeight = BODY * LEADING;
    String foot = printable(footer);
    for (int i = 0; i < captions.length; i++) {
      float x = MARGIN + i * cellWidth;
      try {
        content.addRect(x, y - height, cellWidth, height);
        content.stroke();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      float top = y - PADDING;
      for (String line : wrap(captions[i], BODY, cellWidth - 2 * PADDING)) {
        showText(line, x + PADDING, baseline(top, lineHeight, BODY), BODY);
        top -= lineHeight;
      }
      if (!foot.isEmpty()) {
        showText(
            foot,
            x + cellWidth - PADDING - textWidth(foot, BODY),
            baseline(y - height + PADDING + lineHeight, lineHeight, BODY),
            BODY);
      }
    }
    y -= height;
  }

  /**
   * A framed area across the text width with square boxes side by side, each with its caption under
   * it: where the applicant stamps the seals. Meant to follow a {@link #section} row.
   */
  void boxes(float side, String... captions) {
    float lineHeight = SMALL * LEADING;
    float padding = 14f;
    float height = padding + side + 4 + lineHeight * 2 + padding / 2;
    ensureSpace(height);
    float spacing = (width() - captions.length * side) / (captions.length + 1);
    try {
      content.addRect(MARGIN, y - height, width(), height);
      content.stroke();
      for (int i = 0; i < captions.length; i++) {
        content.addRect(MARGIN + spacing + i * (side + spacing), y - padding - side, side, side);
        content.stroke();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < captions.length; i++) {
      float x = MARGIN + spacing + i * (side + spacing);
      float top = y - padding - side - 4;
      for (String line : wrap(captions[i], SMALL, side + spacing - 4)) {
        showText(
            line, x + (side - textWidth(line, SMALL)) / 2, baseline(top, lineHeight, SMALL), SMALL);
        top -= lineHeight;
      }
    }
    y -= height;
  }

  /**
   * Signature lines side by side: each its caption followed by a rule to sign on, as wide as the
   * space allows.
   */
  void signatureLines(String... captions) {
    float lineHeight = BODY * 2.4f;
    ensureSpace(lineHeight);
    float cellWidth = width() / captions.length;
    for (int i = 0; i < captions.length; i++) {
      String caption = printable(captions[i]);
      float x = MARGIN + i * cellWidth;
      float base = baseline(y, lineHeight, BODY);
      showText(caption, x, base, BODY);
      float from = x + textWidth(caption, BODY) + 2;
      float to = x + cellWidth - 12;
      if (to > from) {
        try {
          content.moveTo(from, base - 3);
          content.lineTo(to, base - 3);
          content.stroke();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    y -= lineHeight;
  }

  // ===== text =====

  private static float baseline(float top, float lineHeight, float size) {
    // The em box (ascent + descent) centred in the line.
    return top - (lineHeight - (ASCENT + DESCENT) * size) / 2 - ASCENT * size;
  }

  private void showText(String printableText, float x, float baseline, float size) {
    showText(printableText, x, baseline, size, false);
  }

  private void showText(String printableText, float x, float baseline, float size, boolean heavy) {
    showText(printableText, x, baseline, size, heavy, 0);
  }

  private void showText(
      String printableText, float x, float baseline, float size, boolean heavy, float spacing) {
    if (printableText.isEmpty()) {
      return;
    }
    try {
      content.beginText();
      content.setFont(font, size);
      if (spacing > 0) {
        content.setCharacterSpacing(spacing);
      }
      if (heavy) {
        // The font has one weight: a thin outline makes the text look bold.
        content.setRenderingMode(RenderingMode.FILL_STROKE);
        content.setLineWidth(size / 40f);
      }
      content.newLineAtOffset(x, baseline);
      content.showText(printableText);
      if (spacing > 0) {
        content.setCharacterSpacing(0);
      }
      if (heavy) {
        content.setRenderingMode(RenderingMode.FILL);
        content.setLineWidth(LINE);
      }
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ===== the end =====

  /** Numbers the pages (第 n 页 共 m 页), saves the document with the used glyphs only, closes it. */
  byte[] finish() {
    if (page == null) {
      newPage();
    }
    closeContent();
    int total = document.getNumberOfPages();
    try {
      for (int n = 1; n <= total; n++) {
        PDPage p = document.getPage(n - 1);
        String footer = printable(FormTexts.format("footer.page", n, total));
        try (PDPageContentStream footerContent =
            new PDPageContentStream(document, p, AppendMode.APPEND, true, true)) {
          content = footerContent;
          showText(
              footer,
              (PAGE_SIZE.getWidth() - textWidth(footer, SMALL)) / 2,
              BOTTOM / 2 - SMALL / 2,
              SMALL);
        } finally {
          content = null;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      close();
    }
  }

  private void closeContent() {
    if (content != null) {
      try {
        content.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        content = null;
      }
    }
  }

  @Override
  public void close() {
    try {
      closeContent();
    } finally {
      try {
        document.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
