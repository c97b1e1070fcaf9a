package cn.cwca.portal.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of a file are read from, as a stream: an upload's multipart part, a file on disk,
 * or a document in the database. Each {@link #open()} starts from the first byte; the caller closes
 * the stream.
 */
@FunctionalInterface
public interface ContentSource {

  /** A new stream of the file's bytes, from the first. */
  InputStream open() throws IOException;
}
