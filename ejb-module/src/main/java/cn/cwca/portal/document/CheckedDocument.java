package cn.cwca.portal.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An upload that {@link DocumentUploadPolicy#check} accepted: its format, size and SHA-256, and its
 * bytes in a private temporary file (owner-only permissions) from which {@link DocumentStore}
 * streams them into the database. Closing it deletes the file; use it in try-with-resources.
 */
public final class CheckedDocument implements AutoCloseable {

  private final String fileName;
  private final DocumentFormat format;
  private final long size;
  private final String sha256;
  private final Path file;

  CheckedDocument(String fileName, DocumentFormat format, long size, String sha256, Path file) {
    this.fileName = fileName;
    this.format = Objects.requireNonNull(format);
    this.size = size;
    this.sha256 = Objects.requireNonNull(sha256);
    this.file = Objects.requireNonNull(file);
  }

  /** The client's file name (display text only, cleaned where it is stored). */
  public String fileName() {
    return fileName;
  }

  public DocumentFormat format() {
    return format;
  }

  /** The size in bytes, as read. */
  public long size() {
    return size;
  }

  /** Hex SHA-256 of the bytes read. */
  public String sha256() {
    return sha256;
  }

  /** The checked bytes, from the first. */
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  /** Deletes the temporary file. */
  @Override
  public void close() {
    TemporaryFiles.delete(file);
  }
}
