package cn.cwca.portal.invoice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.xml.sax.SAXException;

/**
 * The files a 数电发票 comes in from the tax platform, recognised by their content, never by the name:
 * PDF (a document PDFBox opens, with a page), OFD (GB/T 33190: a ZIP package whose entry {@code
 * OFD.xml} is the document's entry point) and XML (well-formed, without a DOCTYPE).
 */
public enum InvoiceFormat {
  PDF("application/pdf", "pdf"),
  OFD("application/ofd", "ofd"),
  XML("application/xml", "xml");

  private final String contentType;
  private final String extension;

  InvoiceFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The file name extension that matches the content. */
  public String extension() {
    return extension;
  }

  /** The format of the content; empty when it is none of the three, or a damaged one. */
  public static Optional<InvoiceFormat> detect(byte[] content) {
    if (content == null || content.length < 4) {
      return Optional.empty();
    }
    if (startsWith(content, "%PDF-")) {
      return isReadablePdf(content) ? Optional.of(PDF) : Optional.empty();
    }
    if (content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
      return isOfdPackage(content) ? Optional.of(OFD) : Optional.empty();
    }
    return isWellFormedXml(content) ? Optional.of(XML) : Optional.empty();
  }

  /** The format of a stored content type. */
  public static Optional<InvoiceFormat> ofContentType(String contentType) {
    for (InvoiceFormat f : values()) {
      if (f.contentType.equals(contentType)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static boolean isReadablePdf(byte[] content) {
    try (PDDocument pdf = Loader.loadPDF(content)) {
      return pdf.getNumberOfPages() > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isOfdPackage(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equalsIgnoreCase("OFD.xml")) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isWellFormedXml(byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // No DOCTYPE, no external entities: an uploaded file must not make the server fetch or
      // expand.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      builder.parse(new ByteArrayInputStream(content));
      return true;
    } catch (ParserConfigurationException | SAXException | IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] content, String ascii) {
    if (content.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (content[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
