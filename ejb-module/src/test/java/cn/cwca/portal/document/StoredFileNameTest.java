package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The name an uploaded file is kept and shown under. */
class StoredFileNameTest {

  @Test
  void bidiControlsAreStrippedFromTheStoredName() {
    // Shown as "exe.pdf" to a reviewer while it is called "fdp.exe".
    String spoofed = "\u202Efdp.exe";
    assertEquals("fdp.pdf", StoredFileName.of(spoofed, DocumentFormat.PDF));
    String everyControl =
        "\u200E营\u200F业\u202A执\u202B照\u202C副\u202D本\u2066扫\u2067描\u2068件\u2069\u061C.pdf";
    assertEquals("营业执照副本扫描件.pdf", StoredFileName.of(everyControl, DocumentFormat.PDF));
  }

  @Test
  void controlAndFormatCharactersAreStripped() {
    assertEquals(
        "身份证正反面.png",
        StoredFileName.of(
            "身份\u0000证\u0007正\u0085反\u009B面\u200B\u200D\uFEFF\u00AD.png", DocumentFormat.PNG));
    assertEquals("a.pdf", StoredFileName.of("a\uD800.pdf", DocumentFormat.PDF), "a lone surrogate");
  }

  @Test
  void whiteSpaceRunsBecomeOneSpaceAndTheEndsAreTrimmed() {
    assertEquals(
        "report final v2.pdf",
        StoredFileName.of("  report\t\u3000final\u2028 v2 .pdf ", DocumentFormat.PDF));
  }

  @Test
  void aClientPathIsDropped() {
    assertEquals("营业执照.pdf", StoredFileName.of("C:\\Users\\me\\营业执照.pdf", DocumentFormat.PDF));
    assertEquals("a.png", StoredFileName.of("/tmp/a.png", DocumentFormat.PNG));
  }

  @Test
  void theExtensionIsTheOneOfTheFormatFoundInTheContent() {
    assertEquals("scan.png", StoredFileName.of("scan.pdf", DocumentFormat.PNG));
    assertEquals("scan.pdf", StoredFileName.of("scan.PNG", DocumentFormat.PDF));
    assertEquals("身份证.jpeg", StoredFileName.of("身份证.png", DocumentFormat.JPEG));
    assertEquals("invoice.pdf.pdf", StoredFileName.of("invoice.pdf.exe", DocumentFormat.PDF));
  }

  @Test
  void anExtensionTheFormatGoesByIsKeptAsWritten() {
    assertEquals("IMG_0001.JPG", StoredFileName.of("IMG_0001.JPG", DocumentFormat.JPEG));
    assertEquals("photo.jpg", StoredFileName.of("photo.jpg", DocumentFormat.JPEG));
    assertEquals("Scan.PDF", StoredFileName.of("Scan.PDF", DocumentFormat.PDF));
  }

  @Test
  void aNameWithoutAnExtensionGetsOne() {
    assertEquals("营业执照.pdf", StoredFileName.of("营业执照", DocumentFormat.PDF));
    assertEquals("合同 2024.最终版.png", StoredFileName.of("合同 2024.最终版", DocumentFormat.PNG));
  }

  @Test
  void aNameWithNoUsableStemGetsADefault() {
    assertEquals("document.pdf", StoredFileName.of(null, DocumentFormat.PDF));
    assertEquals("document.pdf", StoredFileName.of("", DocumentFormat.PDF));
    assertEquals("document.pdf", StoredFileName.of(".pdf", DocumentFormat.PDF));
    assertEquals("document.pdf", StoredFileName.of("...", DocumentFormat.PDF));
    assertEquals("document.PNG", StoredFileName.of("\u202E\u200B.PNG", DocumentFormat.PNG));
    assertEquals("document.jpeg", StoredFileName.of("C:\\scans\\", DocumentFormat.JPEG));
  }

  @Test
  void leadingAndTrailingDotsOfTheStemAreDropped() {
    assertEquals("bashrc.pdf", StoredFileName.of(".bashrc", DocumentFormat.PDF));
    assertEquals("notes.pdf", StoredFileName.of("notes...pdf", DocumentFormat.PDF));
  }

  @Test
  void theLengthIsBoundedAndTheExtensionSurvivesTheCut() {
    String stored = StoredFileName.of("报".repeat(300) + ".pdf", DocumentFormat.PDF);
    assertEquals(StoredFileName.MAX_LENGTH, stored.length());
    assertTrue(stored.endsWith("报.pdf"), stored);

    String emoji = "\uD83D\uDCC4".repeat(150) + ".png"; // 📄, two chars each
    String cut = StoredFileName.of(emoji, DocumentFormat.PNG);
    assertTrue(cut.length() <= StoredFileName.MAX_LENGTH, cut);
    assertTrue(cut.endsWith("\uD83D\uDCC4.png"), "never half a character: " + cut);
  }

  @Test
  void cleanKeepsTheExtensionAsSentButStripsTheRest() {
    assertEquals("fdp.exe", StoredFileName.clean("D:\\发票\\\u202Efdp.exe"));
    assertEquals("", StoredFileName.clean(null));
    assertEquals(StoredFileName.MAX_LENGTH, StoredFileName.clean("x".repeat(500)).length());
  }

  @Test
  void theBidiControlsAreRecognisedOneByOne() {
    for (int c : new int[] {0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0x061C}) {
      assertTrue(StoredFileName.isBidiControl(c), Integer.toHexString(c));
      assertFalse(StoredFileName.isKept(c), Integer.toHexString(c));
    }
    assertTrue(StoredFileName.isKept('营'));
    assertTrue(StoredFileName.isKept('%'));
  }

  @Test
  void everyApplicationDocumentIsStoredUnderTheCleanedName() {
    // DocumentStore.put keeps this name, for a new file and a replacement alike.
    assertEquals("gnp.png", ApplicationDocument.displayName("\u202Egnp.exe", DocumentFormat.PNG));
    assertEquals(
        "scan.jpeg", ApplicationDocument.displayName("C:\\x\\scan.pdf\u200F", DocumentFormat.JPEG));
  }
}
