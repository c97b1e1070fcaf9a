package cn.cwca.portal.it.application;

import java.nio.charset.StandardCharsets;

/** The smallest files the portal recognises by content as a PDF and a PNG, for uploads in tests. */
public final class SampleDocuments {

  public static final byte[] PDF =
      "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
          .getBytes(StandardCharsets.ISO_8859_1);

  public static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
  };

  private SampleDocuments() {}
}
