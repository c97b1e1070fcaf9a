package cn.cwca.portal.document;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The name an uploaded file is kept and shown under, made from the name the client sent. The client
 * chooses that name freely, so it is cleaned before anyone reads it: no client path, no control or
 * format characters (among them the bidirectional controls, with which {@code "\u202Efdp.exe"}
 * shows as {@code "exe.pdf"}), one space for any run of white space, at most {@value #MAX_LENGTH}
 * characters; and for a document the extension is the one of the format found in the content, so
 * that the name never claims another type than the file has.
 *
 * <p>Every upload that keeps a client's file name goes through here: the application documents
 * ({@link ApplicationDocument}) and the finance desk's invoice file (the name in the audit trail).
 */
public final class StoredFileName {

  /** Longest name kept (the column {@code application_document.file_name}). */
  public static final int MAX_LENGTH = 200;

  /** The stem of a name that has none left. */
  static final String DEFAULT_STEM = "document";

  /** What an extension looks like: a few ASCII letters and digits after the last dot. */
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

  private StoredFileName() {}

  /**
   * The name to keep for a document: {@link #clean cleaned}, with the extension of {@code format}
   * (the client's own when it is one of the format's, such as {@code .JPG}; otherwise it is
   * replaced, or added when the name has none), and {@value #DEFAULT_STEM} when no stem is left.
   */
  public static String of(String uploadedName, DocumentFormat format) {
    String name = clean(uploadedName);
    String stem = name;
    String extension = format.extension();
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && EXTENSION.matcher(name.substring(dot + 1)).matches()) {
      String given = name.substring(dot + 1);
      if (format.hasExtension(given)) {
        stem = name.substring(0, dot);
        extension = given;
      } else if (!trimDotsAndSpaces(name.substring(0, dot)).isEmpty()) {
        stem = name.substring(0, dot);
      }
      // else a dot file such as ".bashrc": its name is the stem
    }
    stem = trimDotsAndSpaces(stem);
    if (stem.isEmpty()) {
      stem = DEFAULT_STEM;
    }
    int room = MAX_LENGTH - 1 - extension.length();
    return trimDotsAndSpaces(cut(stem, room)) + "." + extension;
  }

  /**
   * A client's file name made safe to keep and show, its extension as sent: the last segment of a
   * path ({@code /} or {@code \}), in Unicode NFC, without control, format, surrogate or unassigned
   * characters, each run of white space (line and paragraph separators included) as one space,
   * trimmed, and cut to at most {@value #MAX_LENGTH} characters (never inside a character); empty
   * for {@code null}.
   */
  public static String clean(String uploadedName) {
    if (uploadedName == null) {
      return "";
    }
    String name = Normalizer.normalize(uploadedName, Normalizer.Form.NFC);
    StringBuilder kept = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (c == '/' || c == '\\') {
        kept.setLength(0);
        space = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = kept.length() > 0;
      } else if (isKept(c)) {
        if (space) {
          kept.append(' ');
          space = false;
        }
        kept.appendCodePoint(c);
      }
    }
    return cut(kept.toString(), MAX_LENGTH).strip();
  }

  /**
   * Whether a character may stay in a name: not a control (C0, DEL, C1), not a format character
   * (the bidirectional marks, embeddings, overrides and isolates U+200E, U+200F, U+202A–U+202E,
   * U+2066–U+2069, U+061C, and zero-width characters), not a line or paragraph separator, not half
   * of a surrogate pair, not unassigned.
   */
  static boolean isKept(int c) {
    if (isBidiControl(c)) {
      return false;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
        return false;
      default:
        return true;
    }
  }

  /** The bidirectional controls (Unicode UAX #9, 2.1–2.6), whatever the JDK's Unicode version. */
  static boolean isBidiControl(int c) {
    return c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x061C;
  }

  /** The first {@code max} chars of {@code text} at most, not splitting a surrogate pair. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * Without dots and spaces at either end: a leading dot hides a file once downloaded, and Windows
   * drops trailing ones.
   */
  private static String trimDotsAndSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
      end--;
    }
    return text.substring(start, end);
  }
}
