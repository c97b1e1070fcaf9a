package cn.cwca.portal.document;

/** Checks of uploads held in memory, as the tests make them. */
final class Uploads {

  private Uploads() {}

  /** The format {@code policy} accepts {@code content} as (its temporary file deleted at once). */
  static DocumentFormat formatOf(DocumentUploadPolicy policy, byte[] content) {
    try (CheckedDocument checked = policy.check(DocumentUpload.of("upload", content))) {
      return checked.format();
    }
  }
}
