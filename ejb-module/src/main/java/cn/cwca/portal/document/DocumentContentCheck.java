package cn.cwca.portal.document;

import cn.cwca.portal.common.BusinessException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Whether a file that starts like a PDF, JPEG or PNG opens as one, so that the reviewers never get
 * a document nobody can read: a PDF must open in PDFBox without a password, with at least one page;
 * an image must decode completely in {@code javax.imageio}.
 *
 * <p>The check is bounded: the file is read from disk (the upload's temporary file), never as a
 * whole into memory, and is at most the upload limit ({@link DocumentUploadPolicy}); PDFBox reads
 * it through a small buffered window ({@link RandomAccessReadBufferedFile}) and keeps its scratch
 * buffers in memory up to {@link Limits#pdfMemoryBytes()} and never in temporary files, and only
 * the document's structure and page tree are read (no page is rendered); an image's dimensions are
 * read from its header and checked against {@link Limits#maxPixels()} and {@link Limits#maxSide()}
 * before any pixel is decoded, and it is decoded subsampled to at most about {@link
 * Limits#decodedPixels()} pixels, so that its memory does not grow with its size. Not bounded:
 * PDFBox 3.0 decompresses a PDF's cross-reference and object streams on the heap regardless of the
 * memory setting, so a PDF crafted as a compression bomb in those streams can still use a lot of
 * memory while it is opened (as it can when {@link PdfPageImages} renders it).
 */
final class DocumentContentCheck {

  /**
   * The bounds of a check.
   *
   * @param pdfMemoryBytes PDFBox's scratch memory at most, in bytes (no temporary files)
   * @param maxPixels the largest image accepted, in pixels (width × height, as its header declares)
   * @param maxSide the longest side of an image accepted, in pixels
   * @param decodedPixels the pixels decoded at most (larger images are decoded subsampled)
   */
  record Limits(long pdfMemoryBytes, long maxPixels, int maxSide, long decodedPixels) {

    /**
     * 32 MB for PDFBox; images up to 50 megapixels and 30000 pixels a side; 4 megapixels decoded.
     */
    static final Limits DEFAULT = new Limits(32L * 1024 * 1024, 50_000_000L, 30_000, 4_000_000L);

    Limits {
      if (pdfMemoryBytes < 1 || maxPixels < 1 || maxSide < 1 || decodedPixels < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    /** The pixel limit as the applicant reads it, in 万像素 ("5000"). */
    String maxPixelsText() {
      return Long.toString(maxPixels / 10_000);
    }
  }

  /** What a PDF turned out to be. */
  private enum PdfVerdict {
    READABLE,
    DAMAGED,
    ENCRYPTED,
    WITHOUT_PAGES
  }

  private final Limits limits;

  DocumentContentCheck(Limits limits) {
    this.limits = limits;
  }

  /**
   * Checks that the content opens as the format its first bytes claim.
   *
   * @throws BusinessException {@code application.document.damagedPdf}, {@code
   *     application.document.encryptedPdf}, {@code application.document.pdfWithoutPages}, {@code
   *     application.document.damagedImage} or {@code application.document.imageTooLarge}
   *     (arguments: the pixel limit in 万像素, the longest side in pixels)
   */
  void verify(DocumentFormat format, Path file) {
    if (format == DocumentFormat.PDF) {
      verifyPdf(file);
    } else {
      verifyImage(format, file);
    }
  }

  private void verifyPdf(Path file) {
    switch (pdfVerdict(file)) {
      case READABLE:
        return;
      case ENCRYPTED:
        throw new BusinessException("application.document.encryptedPdf");
      case WITHOUT_PAGES:
        throw new BusinessException("application.document.pdfWithoutPages");
      default:
        throw new BusinessException("application.document.damagedPdf");
    }
  }

  private PdfVerdict pdfVerdict(Path file) {
    try (RandomAccessRead source = new RandomAccessReadBufferedFile(file);
        PDDocument pdf =
            Loader.loadPDF(
                source,
                "",
                null,
                null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.pdfMemoryBytes()).streamCache)) {
      // Encrypted with only an owner password (permissions, as many official PDFs are): it opened
      // with the empty user password, so reviewers can read it like any other.
      if (pdf.getNumberOfPages() < 1) {
        return PdfVerdict.WITHOUT_PAGES;
      }
      // The page count is only the page tree's /Count: finding the first page walks the tree.
      pdf.getPage(0).getCropBox();
      return PdfVerdict.READABLE;
    } catch (InvalidPasswordException e) {
      return PdfVerdict.ENCRYPTED;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // PDFBox signals a broken structure with any of these (and a deeply nested one overflows).
      return PdfVerdict.DAMAGED;
    }
  }

  private void verifyImage(DocumentFormat format, Path file) {
    ImageReader reader = reader(format);
    try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
      // Forward only, without metadata: text and profile chunks are skipped, not inflated.
      reader.setInput(input, true, true);
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width < 1 || height < 1) {
        throw damagedImage();
      }
      if (width > limits.maxSide()
          || height > limits.maxSide()
          || width * height > limits.maxPixels()) {
        throw new BusinessException(
            "application.document.imageTooLarge",
            limits.maxPixelsText(),
            Integer.toString(limits.maxSide()));
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = subsampling(width, height);
      param.setSourceSubsampling(step, step, 0, 0);
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      if (reader.canReadRaster()) {
        // JPEG: the raster without colour conversion, so that a CMYK or YCCK scan is not refused.
        reader.readRaster(0, param);
      } else {
        reader.read(0, param);
      }
      if (warnings.stream().anyMatch(DocumentContentCheck::isMissingData)) {
        throw damagedImage();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BusinessException refusal) {
        throw refusal;
      }
      throw damagedImage();
    } finally {
      reader.dispose();
    }
  }

  /** The subsampling step that keeps the decoded image within {@link Limits#decodedPixels()}. */
  int subsampling(long width, long height) {
    double ratio = (double) (width * height) / limits.decodedPixels();
    return ratio <= 1 ? 1 : (int) Math.ceil(Math.sqrt(ratio));
  }

  /**
   * Whether a decoder's warning says that image data is missing or unreadable. The JPEG decoder
   * fills what it could not read with grey and only warns ("Premature end of JPEG file", "Truncated
   * File - Missing EOI marker", "Corrupt JPEG data: premature end of data segment", "Corrupt JPEG
   * data: bad Huffman code"); other warnings (extraneous bytes between markers, an unknown JFIF
   * revision, an invalid colour profile) concern files that every viewer shows.
   */
  static boolean isMissingData(String warning) {
    String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
    return text.contains("premature end")
        || text.contains("truncated")
        || text.contains("bad huffman code");
  }

  private static ImageReader reader(DocumentFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no image reader for " + format);
    }
    return readers.next();
  }

  private static BusinessException damagedImage() {
    return new BusinessException("application.document.damagedImage");
  }
}
