import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Subsets a CJK TrueType font to what the portal's PDF forms can print: printable ASCII, the CJK
 * punctuation and full-width forms, the common symbols of the chosen Chinese character set, and
 * every CJK ideograph that character set encodes (GBK by default, GB2312 as the small fallback).
 *
 * <p>Single-file program (JDK 11+ source launcher), see README.md beside it:
 *
 * <pre>
 * java -cp fontbox-3.0.8.jar:pdfbox-io-3.0.8.jar:commons-logging-1.4.0.jar \
 *     Subset.java NotoSansSC_400Regular.ttf NotoSansSC-Regular-subset.ttf [GBK|GB2312]
 * </pre>
 *
 * The output is deterministic: the same input font and character set give the same bytes.
 */
public final class Subset {

  /** Blocks of symbols kept when the character set encodes the character. */
  private static final int[][] SYMBOL_BLOCKS = {
    {0x00A0, 0x00FF}, // Latin-1 supplement: § ° ± · × ÷
    {0x2000, 0x206F}, // general punctuation: — ‘ ’ “ ” … ※
    {0x2100, 0x214F}, // letterlike symbols: ℃ № ℡
    {0x2150, 0x218F}, // number forms: Ⅰ Ⅱ Ⅲ
    {0x2190, 0x21FF}, // arrows
    {0x2200, 0x22FF}, // mathematical operators: √ ≤ ≥
    {0x2460, 0x24FF}, // enclosed alphanumerics: ① ⑴ ⒈
    {0x25A0, 0x25FF}, // geometric shapes: □ ■ ○ ● ★ (□ is the renderer's missing-glyph mark)
    {0x2600, 0x26FF}, // miscellaneous symbols: ☆ ♀ ♂
  };

  /** Blocks kept whole (the font keeps only what it has). */
  private static final int[][] WHOLE_BLOCKS = {
    {0x0020, 0x007E}, // printable ASCII
    {0x3000, 0x303F}, // CJK symbols and punctuation: 、。《》「」【】〔〕
    {0xFF00, 0xFFEF}, // half-width and full-width forms: ，：；（）
  };

  /** Ideograph blocks kept when the character set encodes the character. */
  private static final int[][] IDEOGRAPH_BLOCKS = {
    {0x3400, 0x4DBF}, // CJK unified ideographs extension A
    {0x4E00, 0x9FFF}, // CJK unified ideographs
    {0xF900, 0xFAFF}, // CJK compatibility ideographs
  };

  /**
   * Tables written: the glyph outlines and metrics, the Unicode cmap, the names (licence and
   * copyright notice included) and the hinting programs if any. The layout tables (GSUB, GPOS,
   * GDEF, BASE), the vertical metrics and STAT are dropped: they refer to glyph ids that the subset
   * renumbers, and PDFBox would apply GSUB substitutions with the stale ids.
   */
  private static final List<String> TABLES =
      List.of(
          "head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "name", "OS/2", "post", "cvt ",
          "fpgm", "prep", "gasp");

  private Subset() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println(
          "usage: java -cp <fontbox, pdfbox-io, commons-logging> Subset.java"
              + " <input.ttf> <output.ttf> [GBK|GB2312]");
      System.exit(2);
    }
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    Charset charset = Charset.forName(args.length == 3 ? args[2] : "GBK");
    CharsetEncoder encoder = charset.newEncoder();

    Set<Integer> wanted = new TreeSet<>();
    for (int[] block : WHOLE_BLOCKS) {
      for (int c = block[0]; c <= block[1]; c++) {
        wanted.add(c);
      }
    }
    int ideographs = 0;
    for (int[] block : IDEOGRAPH_BLOCKS) {
      ideographs += addEncodable(wanted, block, encoder);
    }
    for (int[] block : SYMBOL_BLOCKS) {
      addEncodable(wanted, block, encoder);
    }

    try (TrueTypeFont font =
        new TTFParser().parse(new RandomAccessReadBufferedFile(input.toFile()))) {
      CmapLookup cmap = font.getUnicodeCmapLookup();
      Set<Integer> kept = new TreeSet<>();
      int missingIdeographs = 0;
      for (int c : wanted) {
        if (cmap.getGlyphId(c) != 0) {
          kept.add(c);
        } else if (Character.isIdeographic(c)) {
          missingIdeographs++;
        }
      }
      TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
      subsetter.addAll(kept);
      try (OutputStream out = Files.newOutputStream(output)) {
        subsetter.writeToStream(out);
      }
      byte[] written = Files.readAllBytes(output);
      System.out.printf(
          "%s: %d glyphs in, %s set: %d ideographs wanted (%d not in the font), %d code points kept"
              + "%n%s: %,d bytes, sha256 %s%n",
          input.getFileName(),
          font.getNumberOfGlyphs(),
          charset.name(),
          ideographs,
          missingIdeographs,
          kept.size(),
          output,
          written.length,
          sha256(written));
    }
  }

  private static int addEncodable(Set<Integer> wanted, int[] block, CharsetEncoder encoder) {
    int added = 0;
    for (int c = block[0]; c <= block[1]; c++) {
      if (encoder.canEncode((char) c)) {
        wanted.add(c);
        added++;
      }
    }
    return added;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
