package cn.cwca.portal.document;

import java.util.Optional;

/**
 * The file formats a document may have, recognised by their first bytes (the file name and the
 * browser's content type are ignored, since both are chosen by the client).
 */
public enum DocumentFormat {
  /** PDF (ISO 32000-1, 7.5.2: the header {@code %PDF-}). */
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  /** JPEG (ITU-T T.81: SOI marker {@code FF D8} followed by another marker {@code FF}). */
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  /** PNG (ISO/IEC 15948, 5.2: the eight-byte signature). */
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

  private final String contentType;
  private final byte[] signature;

  DocumentFormat(String contentType, byte[] signature) {
    this.contentType = contentType;
    this.signature = signature;
  }

  /** The media type to serve the file with. */
  public String contentType() {
    return contentType;
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
