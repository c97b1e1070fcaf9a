package cn.cwca.portal.document;

import java.io.ByteArrayInputStream;
import java.util.Objects;

/**
 * A file as the applicant uploaded it, not yet checked: the name the browser gave it (display text
 * only), the size it declared, and where its bytes are read from. The web tier passes the
 * container's multipart part ({@code UploadedFile::getInputStream}), which the container keeps in a
 * temporary file above its threshold; {@link DocumentUploadPolicy#check} reads it once, as a
 * stream, and never holds the whole file in memory.
 *
 * @param fileName the client's file name; may be {@code null}
 * @param declaredSize the size the client declared, in bytes; negative when unknown. A file larger
 *     than the limit is refused without reading it; the size that counts is what is read
 * @param source the bytes
 */
public record DocumentUpload(String fileName, long declaredSize, ContentSource source) {

  public DocumentUpload {
    Objects.requireNonNull(source, "source");
  }

  /**
   * A file already in memory: generated documents and tests. An upload from a browser is never read
   * into an array (see the class comment).
   */
  public static DocumentUpload of(String fileName, byte[] content) {
    byte[] copy = content.clone();
    return new DocumentUpload(fileName, copy.length, () -> new ByteArrayInputStream(copy));
  }
}
