package cn.cwca.portal.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.catalogue.DocumentType;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pages of an uploaded PDF as images, within the bounds of a rendering. */
class PdfPageImagesTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aPageBecomesAPngAtTheConfiguredResolution() throws Exception {
    PdfPageImages pages = PdfPageImages.shared();
    byte[] png = pages.png(pdf(2, PDRectangle.A4), 1, executor);

    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(Math.round(PDRectangle.A4.getWidth() * 110 / 72), image.getWidth(), 1.0);
    assertEquals(Math.round(PDRectangle.A4.getHeight() * 110 / 72), image.getHeight(), 1.0);
  }

  @Test
  void onlyTheFirstPagesAreShown() throws Exception {
    PdfPageImages pages = PdfPageImages.shared();
    DocumentContent longPdf = pdf(12, PDRectangle.A4);

    assertEquals(10, pages.pagesShown(longPdf));
    assertEquals(3, pages.pagesShown(pdf(3, PDRectangle.A4)));
    assertThrows(IllegalArgumentException.class, () -> pages.png(longPdf, 10, executor));
    assertThrows(IllegalArgumentException.class, () -> pages.png(longPdf, -1, executor));
    assertThrows(
        IllegalArgumentException.class, () -> pages.png(pdf(2, PDRectangle.A4), 2, executor));
  }

  @Test
  void aHugePageIsRenderedSmallerThanThePixelBound() throws Exception {
    PdfPageImages pages = PdfPageImages.shared();
    DocumentContent huge = pdf(1, new PDRectangle(14_400, 14_400));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(pages.png(huge, 0, executor)));

    long pixels = (long) image.getWidth() * image.getHeight();
    assertTrue(pixels <= pages.limits().maxPixels() * 1.01, pixels + " pixels");
    assertTrue(image.getWidth() > 1000, "still readable: " + image.getWidth());
  }

  @Test
  void theScaleIsTheResolutionUnlessThePageIsTooLarge() {
    PdfPageImages pages =
        new PdfPageImages(
            new PdfPageImages.Limits(5, 144f, 1_000_000L, 1024, 1, Duration.ofSeconds(1)));
    assertEquals(2f, pages.scale(new Rectangle2D.Float(0, 0, 100, 100)), 0.0001);
    float scale = pages.scale(new Rectangle2D.Float(0, 0, 2000, 2000));
    assertEquals(0.5f, scale, 0.0001);
  }

  @Test
  void whatIsNoPdfIsRefused() {
    PdfPageImages pages = PdfPageImages.shared();
    DocumentContent garbage = pdfOf("%PDF-1.4\nnot really\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThrows(IOException.class, () -> pages.pagesShown(garbage));
    assertThrows(IOException.class, () -> pages.png(garbage, 0, executor));
  }

  @Test
  void aPageThatIsNotRenderedInTimeTimesOutAndGivesUpItsPlace() throws Exception {
    PdfPageImages pages =
        new PdfPageImages(
            new PdfPageImages.Limits(
                10, 72f, 1_000_000L, 16L * 1024 * 1024, 1, Duration.ofMillis(200)));
    StalledExecutor stalled = new StalledExecutor();
    DocumentContent document = pdf(1, PDRectangle.A6);

    assertThrows(TimeoutException.class, () -> pages.png(document, 0, stalled));
    stalled.runAll();
    assertEquals(0, stalled.rendered, "given up before it started: never rendered");

    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(pages.png(document, 0, executor), 8));
  }

  @Test
  void aRenderingThatRunsKeepsItsPlaceUntilItEnds() throws Exception {
    PdfPageImages.Limits limits =
        new PdfPageImages.Limits(10, 72f, 1_000_000L, 16L * 1024 * 1024, 1, Duration.ofMillis(300));
    java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    byte[] image = {1, 2, 3};
    PdfPageImages pages =
        new PdfPageImages(
            limits,
            (pdf, page) -> {
              running.countDown();
              awaitUninterruptibly(finish);
              return image;
            });
    try {
      assertThrows(TimeoutException.class, () -> pages.png(pdfOf(new byte[0]), 0, executor));
      assertTrue(running.await(1, TimeUnit.SECONDS));
      assertThrows(
          TimeoutException.class,
          () -> pages.png(pdfOf(new byte[0]), 0, executor),
          "the running rendering holds the only place");
    } finally {
      finish.countDown();
    }
    assertArrayEquals(
        image, pages.png(pdfOf(new byte[0]), 0, executor), "its place is free once it has ended");
  }

  @Test
  void aPreviewShowsNoPagesOfWhatIsMissingAnImageOrUnreadable() {
    PdfPageImages pages = PdfPageImages.shared();
    assertEquals(0, pages.pagesShownOf(java.util.Optional.empty()));
    assertEquals(
        0,
        pages.pagesShownOf(
            java.util.Optional.of(
                DocumentContent.of(
                    DocumentType.values()[0], "a.png", "image/png", new byte[] {1, 2, 3}))));
    assertEquals(
        0,
        pages.pagesShownOf(
            java.util.Optional.of(
                DocumentContent.of(
                    DocumentType.values()[0],
                    "a.pdf",
                    "application/pdf",
                    "%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII)))));
  }

  private static void awaitUninterruptibly(java.util.concurrent.CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // the caller gave up waiting; the rendering goes on, as PDFBox's would
      }
    }
  }

  private static DocumentContent pdfOf(byte[] bytes) {
    return DocumentContent.of(DocumentType.APPLICATION_FORM, "a.pdf", "application/pdf", bytes);
  }

  private static DocumentContent pdf(int pageCount, PDRectangle size) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pageCount; i++) {
        document.addPage(new PDPage(size));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return pdfOf(out.toByteArray());
    }
  }

  /** Takes tasks and runs them only when told: a rendering that has not started yet. */
  private static final class StalledExecutor extends AbstractExecutorService {
    private final List<Runnable> tasks = new ArrayList<>();
    int rendered;

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    synchronized void runAll() {
      for (Runnable task : tasks) {
        task.run();
        if (task instanceof java.util.concurrent.Future<?> f && !f.isCancelled()) {
          rendered++;
        }
      }
      tasks.clear();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
