package cn.cwca.portal.document;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A stream of {@code size} pseudo-random bytes made as they are read, never held: the same seed
 * gives the same bytes. It counts what was read of it.
 */
final class GeneratedBytes extends InputStream {

  private final long size;
  private long state;
  private long position;

  GeneratedBytes(long size, long seed) {
    this.size = size;
    this.state = seed ^ 0x9E3779B97F4A7C15L;
  }

  /** The bytes read so far. */
  long position() {
    return position;
  }

  @Override
  public int read() {
    if (position >= size) {
      return -1;
    }
    position++;
    return next();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(length, size - position);
    for (int i = 0; i < n; i++) {
      buffer[offset + i] = (byte) next();
    }
    position += n;
    return n;
  }

  private int next() {
    // xorshift64*
    state ^= state >>> 12;
    state ^= state << 25;
    state ^= state >>> 27;
    return (int) ((state * 0x2545F4914F6CDD1DL) >>> 56);
  }

  /** Hex SHA-256 of the bytes of {@code size} and {@code seed}, computed as a stream. */
  static String sha256(long size, long seed) throws java.io.IOException {
    MessageDigest digest = DocumentUploadPolicy.sha256();
    byte[] buffer = new byte[64 * 1024];
    try (GeneratedBytes bytes = new GeneratedBytes(size, seed)) {
      int n;
      while ((n = bytes.read(buffer, 0, buffer.length)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
