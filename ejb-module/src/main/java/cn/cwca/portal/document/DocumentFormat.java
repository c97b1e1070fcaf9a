package cn.cwca.portal.document;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The file formats a document may have, recognised by their first bytes (the file name and the
 * browser's content type are ignored, since both are chosen by the client).
 */
public enum DocumentFormat {
  /** PDF (ISO 32000-1, 7.5.2: the header {@code %PDF-}). */
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
  /** JPEG (ITU-T T.81: SOI marker {@code FF D8} followed by another marker {@code FF}). */
  JPEG(
      "image/jpeg",
      new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      "jpeg",
      "jpg",
      "jpe",
      "jfif"),
  /** PNG (ISO/IEC 15948, 5.2: the eight-byte signature). */
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "png");

  private final String contentType;
  private final byte[] signature;
  private final String extension;
  private final Set<String> extensions;

  DocumentFormat(String contentType, byte[] signature, String extension, String... others) {
    this.contentType = contentType;
    this.signature = signature;
    this.extension = extension;
    this.extensions =
        Stream.concat(Stream.of(extension), Stream.of(others))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The media type to serve the file with. */
  public String contentType() {
    return contentType;
  }

  /** The file name extension given to a stored file of this format (lower case, without a dot). */
  public String extension() {
    return extension;
  }

  /**
   * Whether a file name extension (without the dot, in any case) is one this format goes by, such
   * as {@code JPG} for JPEG.
   */
  public boolean hasExtension(String candidate) {
    return candidate != null && extensions.contains(candidate.toLowerCase(Locale.ROOT));
  }

  /** Whether a browser shows it as an image ({@code <img>}) rather than in a PDF viewer. */
  public boolean isImage() {
    return this != PDF;
  }

  /** The format whose signature starts {@code content}; empty for anything else. */
  public static Optional<DocumentFormat> detect(byte[] content) {
    if (content == null) {
      return Optional.empty();
    }
    for (DocumentFormat format : values()) {
      if (startsWith(content, format.signature)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format of a stored content type; empty when it is none of ours. */
  public static Optional<DocumentFormat> ofContentType(String contentType) {
    for (DocumentFormat format : values()) {
      if (format.contentType.equals(contentType)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
