package cn.cwca.portal.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Real files made in code, as an applicant's scanner or phone would make them, and broken ones. */
final class SampleFiles {

  private SampleFiles() {}

  /** A one-page A4 PDF, as PDFBox writes it. */
  static byte[] onePagePdf() {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(PDRectangle.A4));
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A well-formed PDF whose page tree is empty. */
  static byte[] pdfWithoutPages() {
    try (PDDocument document = new PDDocument()) {
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A one-page PDF encrypted with an owner password and the given user password (empty: it opens
   * without one, but is encrypted all the same).
   */
  static byte[] encryptedPdf(String userPassword) {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(PDRectangle.A4));
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF header followed by garbage: what a renamed or damaged file looks like. */
  static byte[] pdfHeaderAndGarbage() {
    return "%PDF-1.7\n%âãÏÓ\nthis is not a PDF body \u0001\u0002\u0003 at all\n%%EOF\n"
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  static byte[] jpeg(int width, int height) {
    return image("jpeg", width, height);
  }

  /**
   * The PNG signature and a valid header chunk declaring the given size, and no image data: only a
   * reader that decodes before it looks at the size would notice that the pixels are missing.
   */
  static byte[] pngDeclaring(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.writeBytes(chunk("IHDR", ihdr.array()));
    png.writeBytes(chunk("IEND", new byte[0]));
    return png.toByteArray();
  }

  /** A real JPEG whose frame header (SOF0) declares another size than its data has. */
  static byte[] jpegDeclaring(int width, int height) {
    byte[] jpeg = jpeg(64, 48);
    for (int i = 2; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
        // marker, length (2), precision (1), height (2), width (2)
        jpeg[i + 5] = (byte) (height >>> 8);
        jpeg[i + 6] = (byte) height;
        jpeg[i + 7] = (byte) (width >>> 8);
        jpeg[i + 8] = (byte) width;
        return jpeg;
      }
    }
    throw new IllegalStateException("no SOF0 marker in the JPEG ImageIO wrote");
  }

  private static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
    g.setColor(Color.RED);
    g.fillRect(width / 4, height / 3, width / 2, Math.max(1, height / 10));
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    return chunk.array();
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
