package cn.cwca.portal.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The private temporary files a document passes through (an upload while it is checked, a PDF while
 * its pages are rendered): created with owner-only permissions in {@code java.io.tmpdir}, deleted
 * as soon as they are done with.
 */
final class TemporaryFiles {

  private static final Logger LOG = Logger.getLogger(TemporaryFiles.class.getName());

  private TemporaryFiles() {}

  /** A new empty file in {@code directory}, or in {@code java.io.tmpdir} when it is null. */
  static Path create(Path directory, String prefix, String suffix) throws IOException {
    return directory == null
        ? Files.createTempFile(prefix, suffix)
        : Files.createTempFile(directory, prefix, suffix);
  }

  /** Deletes a file, logging (not throwing) when it cannot be; nothing for {@code null}. */
  static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "A temporary document file could not be deleted: " + file, e);
    }
  }
}
