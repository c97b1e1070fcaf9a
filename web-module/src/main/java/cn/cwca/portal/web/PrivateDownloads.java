package cn.cwca.portal.web;

import cn.cwca.portal.document.DocumentContent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes what belongs to the signed-in user (a document, a form, a certificate, an invoice): its
 * type, length and disposition, never kept by a shared cache or the browser ({@code private,
 * no-store}).
 */
public final class PrivateDownloads {

  private PrivateDownloads() {}

  public static void send(
      HttpServletResponse response, String contentType, String disposition, byte[] bytes)
      throws IOException {
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.setHeader("Content-Disposition", disposition);
    response.setHeader("Cache-Control", "private, no-store");
    response.getOutputStream().write(bytes);
  }

  /**
   * Like {@link #send(HttpServletResponse, String, String, byte[])}, copying {@code length} bytes
   * from a stream to the response without holding them (a document from the database).
   */
  public static void send(
      HttpServletResponse response,
      String contentType,
      String disposition,
      long length,
      InputStream content)
      throws IOException {
    response.setContentType(contentType);
    response.setContentLengthLong(length);
    response.setHeader("Content-Disposition", disposition);
    response.setHeader("Cache-Control", "private, no-store");
    content.transferTo(response.getOutputStream());
  }

  /**
   * Sends an uploaded file (an invoice from the tax platform) as an attachment that the browser
   * never runs or sniffs: opened by mistake in the portal's origin, an XML or PDF stays inert
   * ({@code Content-Security-Policy: sandbox}, {@code X-Content-Type-Options: nosniff}).
   */
  public static void sendSandboxedAttachment(
      HttpServletResponse response, String contentType, String fileName, byte[] bytes)
      throws IOException {
    response.setHeader("Content-Security-Policy", "sandbox");
    response.setHeader("X-Content-Type-Options", "nosniff");
    send(response, contentType, disposition(true, fileName), bytes);
  }

  /**
   * Like {@link #sendSandboxedAttachment(HttpServletResponse, String, String, byte[])}, streamed.
   */
  public static void sendSandboxedAttachment(
      HttpServletResponse response,
      String contentType,
      String fileName,
      long length,
      InputStream content)
      throws IOException {
    response.setHeader("Content-Security-Policy", "sandbox");
    response.setHeader("X-Content-Type-Options", "nosniff");
    send(response, contentType, disposition(true, fileName), length, content);
  }

  /**
   * Sends an uploaded image inline, for an {@code <img>} of the portal's pages, in a sandbox:
   * opened by itself in the portal's origin it runs nothing ({@code Content-Security-Policy:
   * default-src 'none'; sandbox}).
   */
  public static void sendSandboxedInline(
      HttpServletResponse response, String contentType, String fileName, byte[] bytes)
      throws IOException {
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    send(response, contentType, disposition(false, fileName), bytes);
  }

  /** Like {@link #sendSandboxedInline(HttpServletResponse, String, String, byte[])}, streamed. */
  public static void sendSandboxedInline(
      HttpServletResponse response,
      String contentType,
      String fileName,
      long length,
      InputStream content)
      throws IOException {
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    send(response, contentType, disposition(false, fileName), length, content);
  }

  /**
   * Sends an uploaded document (资料文件) as a stream from the database: an image inline, when {@code
   * inline}, for an {@code <img>}; otherwise a sandboxed attachment. A document replaced while it
   * is sent ends the response early (its length was announced), rather than mix two files.
   */
  public static void sendDocument(
      HttpServletResponse response, DocumentContent document, boolean inline) throws IOException {
    try (InputStream content = document.openStream()) {
      if (inline) {
        sendSandboxedInline(
            response, document.contentType(), document.fileName(), document.size(), content);
      } else {
        sendSandboxedAttachment(
            response, document.contentType(), document.fileName(), document.size(), content);
      }
    }
  }

  /**
   * {@code inline} or {@code attachment} with the file's name as RFC 5987 {@code filename*} (RFC
   * 6266 section 4.3) and an ASCII fallback.
   */
  public static String disposition(boolean attachment, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "document" : fileName;
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return (attachment ? "attachment" : "inline")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
