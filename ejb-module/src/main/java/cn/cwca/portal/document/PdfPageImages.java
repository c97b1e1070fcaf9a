package cn.cwca.portal.document;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of an uploaded PDF as PNG images, so that the reviewers look at an applicant's PDF
 * without the browser running it as active content in the portal's origin. Rendering an uploaded
 * file is bounded in every way it could be abused: at most {@link Limits#maxPages()} pages, a
 * resolution capped by {@link Limits#dpi()} and by {@link Limits#maxPixels()} per page (a huge page
 * is rendered smaller), the parser's buffers in memory up to {@link Limits#maxMemoryBytes()}, at
 * most {@link Limits#concurrent()} renderings at a time across the server, and a page that is not
 * done within {@link Limits#timeout()} answers {@link TimeoutException} (its rendering keeps its
 * place among the concurrent ones until it ends, so that slow files cannot pile up).
 *
 * <p>The PDF is not held in memory: it is copied from its stream ({@link
 * DocumentContent#openStream()}, the database) to a private temporary file, which PDFBox reads
 * through a small buffered window, and deleted afterwards.
 */
public final class PdfPageImages {

  /**
   * The bounds of a rendering.
   *
   * @param maxPages the pages shown at most (the first ones)
   * @param dpi the resolution of a page of ordinary size
   * @param maxPixels the largest image of a page, in pixels (width × height)
   * @param maxMemoryBytes the parser's buffers at most, in bytes
   * @param concurrent the renderings at a time
   * @param timeout how long a page may take
   */
  public record Limits(
      int maxPages,
      float dpi,
      long maxPixels,
      long maxMemoryBytes,
      int concurrent,
      Duration timeout) {

    /** 10 pages, 110 dpi, 4 megapixels, 64 MB, 2 at a time, 20 seconds. */
    public static final Limits DEFAULT =
        new Limits(10, 110f, 4_000_000L, 64L * 1024 * 1024, 2, Duration.ofSeconds(20));

    public Limits {
      if (maxPages < 1 || dpi <= 0 || maxPixels < 1 || maxMemoryBytes < 1 || concurrent < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
      Objects.requireNonNull(timeout);
    }
  }

  /** Renders a page of a document that has it. */
  @FunctionalInterface
  interface PageRenderer {
    byte[] render(DocumentContent pdf, int pageIndex) throws IOException;
  }

  private final Limits limits;
  private final Semaphore renderings;
  private final PageRenderer renderer;

  public PdfPageImages(Limits limits) {
    this.limits = Objects.requireNonNull(limits);
    this.renderings = new Semaphore(limits.concurrent(), true);
    this.renderer = this::render;
  }

  /** With another renderer (tests). */
  PdfPageImages(Limits limits, PageRenderer renderer) {
    this.limits = Objects.requireNonNull(limits);
    this.renderings = new Semaphore(limits.concurrent(), true);
    this.renderer = Objects.requireNonNull(renderer);
  }

  /** The renderer with {@link Limits#DEFAULT}, shared by the whole server. */
  public static PdfPageImages shared() {
    return Shared.INSTANCE;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * How many pages are shown: the document's pages, at most {@link Limits#maxPages()}.
   *
   * @throws IOException when the file cannot be read as a PDF
   */
  public int pagesShown(DocumentContent pdf) throws IOException {
    Path file = spool(pdf);
    try (RandomAccessRead source = new RandomAccessReadBufferedFile(file);
        PDDocument document = load(source)) {
      return Math.min(document.getNumberOfPages(), limits.maxPages());
    } finally {
      TemporaryFiles.delete(file);
    }
  }

  /**
   * How many pages a preview shows of a document: {@link #pagesShown}; 0 for none, an image, or a
   * file that cannot be read as a PDF (a preview offers it for download only).
   */
  public int pagesShownOf(Optional<DocumentContent> document) {
    if (document.isEmpty() || document.get().isImage()) {
      return 0;
    }
    try {
      return pagesShown(document.get());
    } catch (IOException unreadable) {
      return 0;
    }
  }

  /**
   * One page as a PNG image.
   *
   * @param pageIndex the page, from 0; beyond {@link #pagesShown} there is none
   * @param executor where the page is rendered (the server's managed executor)
   * @throws IllegalArgumentException for a page that is not shown
   * @throws IOException when the file cannot be read or the page rendered
   * @throws TimeoutException when the page took longer than {@link Limits#timeout()}, or too many
   *     renderings are running
   */
  public byte[] png(DocumentContent pdf, int pageIndex, ExecutorService executor)
      throws IOException, TimeoutException {
    if (pageIndex < 0 || pageIndex >= limits.maxPages()) {
      throw new IllegalArgumentException("page " + pageIndex + " is not shown");
    }
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    try {
      if (!renderings.tryAcquire(limits.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TimeoutException("too many PDF pages are being rendered");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while waiting to render");
    }
    // Whoever sets it first releases the place: the rendering when it starts (at its end), or this
    // caller when the rendering has not started by the deadline (it never will then).
    AtomicBoolean started = new AtomicBoolean();
    Future<byte[]> rendering;
    try {
      rendering =
          executor.submit(
              () -> {
                if (!started.compareAndSet(false, true)) {
                  return null;
                }
                try {
                  return renderer.render(pdf, pageIndex);
                } finally {
                  renderings.release();
                }
              });
    } catch (RuntimeException rejected) {
      renderings.release();
      throw rejected;
    }
    try {
      return rendering.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      giveUp(rendering, started);
      throw e;
    } catch (InterruptedException e) {
      giveUp(rendering, started);
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while rendering");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof IllegalArgumentException invalid) {
        throw invalid;
      }
      throw new IOException("the page could not be rendered", e.getCause());
    }
  }

  /**
   * Stops waiting for a rendering: one that has not started never will (and its place is free
   * again); one that runs is interrupted and keeps its place until it ends.
   */
  private void giveUp(Future<byte[]> rendering, AtomicBoolean started) {
    if (started.compareAndSet(false, true)) {
      renderings.release();
    }
    rendering.cancel(true);
  }

  private byte[] render(DocumentContent pdf, int pageIndex) throws IOException {
    Path file = spool(pdf);
    try (RandomAccessRead source = new RandomAccessReadBufferedFile(file);
        PDDocument document = load(source)) {
      if (pageIndex >= document.getNumberOfPages()) {
        throw new IllegalArgumentException("page " + pageIndex + " is not in the document");
      }
      PDPage page = document.getPage(pageIndex);
      float scale = scale(page.getCropBox().toGeneralPath().getBounds2D());
      PDFRenderer renderer = new PDFRenderer(document);
      renderer.setSubsamplingAllowed(true);
      BufferedImage image = renderer.renderImage(pageIndex, scale, ImageType.RGB);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } finally {
      TemporaryFiles.delete(file);
    }
  }

  /** The document in a new private temporary file, which the caller deletes. */
  private static Path spool(DocumentContent pdf) throws IOException {
    Path file = TemporaryFiles.create(null, "preview-", ".pdf");
    try (InputStream in = pdf.openStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | RuntimeException e) {
      TemporaryFiles.delete(file);
      throw e;
    }
  }

  /** The scale of a page: {@link Limits#dpi()}, less where the image would exceed the pixels. */
  float scale(Rectangle2D pageInPoints) {
    float scale = limits.dpi() / 72f;
    double width = Math.max(1, pageInPoints.getWidth());
    double height = Math.max(1, pageInPoints.getHeight());
    double pixels = width * scale * height * scale;
    if (pixels > limits.maxPixels()) {
      scale = (float) Math.sqrt(limits.maxPixels() / (width * height));
    }
    return scale;
  }

  private PDDocument load(RandomAccessRead pdf) throws IOException {
    return Loader.loadPDF(
        pdf,
        "",
        null,
        null,
        MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemoryBytes()).streamCache);
  }

  private static final class Shared {
    static final PdfPageImages INSTANCE = new PdfPageImages(Limits.DEFAULT);
  }
}
