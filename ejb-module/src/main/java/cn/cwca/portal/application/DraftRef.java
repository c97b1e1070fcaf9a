package cn.cwca.portal.application;

import java.io.Serializable;

/**
 * The draft a page shows: its 申请ID and the {@link CertificateApplication#getVersion() version} the
 * page read. A step saved from a page whose draft has changed since (in another tab) is refused
 * with {@code application.concurrentEdit} rather than undo that change.
 *
 * @param publicId {@code null} for {@link #NONE}
 */
public record DraftRef(String publicId, long version) implements Serializable {

  /** No draft yet: the page starts one, or continues the caller's open draft. */
  public static final DraftRef NONE = new DraftRef(null, 0);

  /** The draft as the page read it; {@link #NONE} for none. */
  public static DraftRef of(CertificateApplication draft) {
    return draft == null ? NONE : new DraftRef(draft.getPublicId(), draft.getVersion());
  }
}
