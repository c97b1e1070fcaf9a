package cn.cwca.portal.it.application;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The smallest files the portal accepts as a PDF and a PNG, for uploads in tests: each opens as
 * what it claims to be (a one-page PDF with correct cross-reference offsets, a 4×4 PNG), since an
 * upload is checked by decoding it, not only by its first bytes.
 */
public final class SampleDocuments {

  public static final byte[] PDF =
      ("%PDF-1.4\n"
              + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
              + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
              + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
              + "xref\n0 4\n"
              + "0000000000 65535 f \n"
              + "0000000009 00000 n \n"
              + "0000000058 00000 n \n"
              + "0000000115 00000 n \n"
              + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** A 4×4 RGB PNG as ImageIO writes it. */
  public static final byte[] PNG =
      HexFormat.of()
          .parseHex(
              "89504e470d0a1a0a0000000d4948445200000004000000040802000000269309"
                  + "290000001249444154785e63604003c66967d085d001002f0501663d4f594300"
                  + "00000049454e44ae426082");

  private SampleDocuments() {}
}
