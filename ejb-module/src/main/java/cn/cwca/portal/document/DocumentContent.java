package cn.cwca.portal.document;

import cn.cwca.portal.catalogue.DocumentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An uploaded document to preview or download: its description and a stream of its bytes; serve it
 * with {@link #contentType()} (recognised from the content when it was uploaded) and {@link
 * #size()}. A stored document's bytes are read from the database in chunks when {@link
 * #openStream()} is read ({@link DocumentBytes}), outside the transaction that found it: the
 * caller's permission was checked then, and the stream reads that version of the file only (it
 * fails with an {@link IOException} when the file is replaced or deleted in the meantime).
 */
public final class DocumentContent {

  private final DocumentType type;
  private final String fileName;
  private final String contentType;
  private final long size;
  private final String sha256;
  private final ContentSource source;

  DocumentContent(
      DocumentType type,
      String fileName,
      String contentType,
      long size,
      String sha256,
      ContentSource source) {
    this.type = type;
    this.fileName = fileName;
    this.contentType = Objects.requireNonNull(contentType);
    this.size = size;
    this.sha256 = sha256;
    this.source = Objects.requireNonNull(source);
  }

  /** A document in memory (tests, generated files). */
  public static DocumentContent of(
      DocumentType type, String fileName, String contentType, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new DocumentContent(
        type,
        fileName,
        contentType,
        copy.length,
        HexFormat.of().formatHex(DocumentUploadPolicy.sha256().digest(copy)),
        () -> new ByteArrayInputStream(copy));
  }

  public DocumentType type() {
    return type;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  /** The length in bytes. */
  public long size() {
    return size;
  }

  /** Hex SHA-256 of the bytes, as computed when they were uploaded. */
  public String sha256() {
    return sha256;
  }

  public boolean isImage() {
    return contentType.startsWith("image/");
  }

  /** A new stream of the bytes, from the first; the caller closes it. */
  public InputStream openStream() throws IOException {
    return source.open();
  }
}
