package cn.cwca.portal.web.review;

import cn.cwca.portal.application.ApplicationDocumentService;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.certificate.ApprovedSubject;
import cn.cwca.portal.common.BusinessException;
import cn.cwca.portal.document.DocumentInfo;
import cn.cwca.portal.document.PdfPageImages;
import cn.cwca.portal.review.DecisionOutcome;
import cn.cwca.portal.review.OrderReview;
import cn.cwca.portal.review.ReviewService;
import cn.cwca.portal.web.CurrentCaller;
import cn.cwca.portal.web.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * /review/order.xhtml?id=申请ID: the review of an order. The applicant's data, the subject the
 * certificate will carry, the 经办人, the pickup choice, the certificate concerned, the applicant's
 * other orders and certificates, and every earlier round beside the documents, each shown in place
 * (images as they are, PDFs as images of their pages, {@link DocumentPageServlet}); 领取 and 放弃领取; 通过
 * (confirmed) and 驳回 with a preset reason or the reviewer's own words, only while the caller holds
 * the order. The claim is renewed while the reviewer is at work on the page.
 */
@Named
@ViewScoped
public class OrderReviewBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The queue, after a decision or a release. */
  static final String QUEUE = "/review/queue.xhtml?faces-redirect=true";

  /** This page again, after a claim. */
  static final String SELF = "/review/order.xhtml?faces-redirect=true&id=";

  @Inject private ReviewService reviews;

  @Inject private ApplicationDocumentService documents;

  @Inject private CurrentCaller caller;

  private String id;
  private OrderReview review;
  private final Map<DocumentType, Integer> pdfPages = new EnumMap<>(DocumentType.class);
  private List<String> rejectReasons = List.of();

  private String approveOpinion;
  private String rejectReason;
  private String rejectOpinion;

  /** The page's {@code f:viewAction}: the order's review; the caller's claim runs on. */
  public void open() {
    load();
    if (review == null) {
      FacesMessages.addErrorMessage("application.notFound");
      return;
    }
    rejectReasons = reviews.rejectReasons();
    if (review.decidable()) {
      keepClaim();
    }
  }

  /** 领取: the caller claims the order and works on it. */
  public String claim() {
    try {
      reviews.claim(id, caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      load();
      return null;
    }
    return SELF + review.order().publicId();
  }

  /** 放弃领取: another reviewer may take it; back to the queue. */
  public String release() {
    try {
      reviews.release(id, caller.clientInfo());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      return null;
    }
    FacesMessages.addFlashInfoLabel("review.released", review.order().publicId());
    return QUEUE;
  }

  /**
   * The reviewer is at work on the page (its poll, while there was activity since the last one):
   * the claim runs on; a claim taken over by someone else is said.
   */
  public void keepClaim() {
    if (review == null || !review.claim().byCaller()) {
      return;
    }
    try {
      reviews.renewClaim(id);
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      load();
    }
  }

  /** A preset reason of 驳回 was chosen: it becomes the opinion, which may still be edited. */
  public void reasonChosen() {
    if (rejectReason != null && !rejectReason.isBlank()) {
      rejectOpinion = rejectReason;
    }
  }

  /** 通过, after the confirmation. */
  public String approve() {
    try {
      DecisionOutcome outcome = reviews.approve(id, approveOpinion, caller.clientInfo());
      FacesMessages.addFlashInfoLabel(
          outcome.awaitsSecondApproval() ? "review.firstApproved" : "review.approved",
          outcome.publicId());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      load();
      return null;
    }
    return QUEUE;
  }

  /** 驳回 with 审核意见, after the confirmation. */
  public String reject() {
    try {
      DecisionOutcome outcome = reviews.reject(id, rejectOpinion, caller.clientInfo());
      FacesMessages.addFlashInfoLabel("review.rejected", outcome.publicId());
    } catch (BusinessException refusal) {
      FacesMessages.addError(refusal);
      load();
      return null;
    }
    return QUEUE;
  }

  private void load() {
    review = id == null ? null : reviews.review(id).orElse(null);
    pdfPages.clear();
    if (review == null) {
      return;
    }
    for (DocumentInfo document : review.documents()) {
      if (!document.isImage()) {
        pdfPages.put(document.type(), pagesOf(document.type()));
      }
    }
  }

  /** The pages of a PDF shown; 0 when it cannot be read (it is offered for download only). */
  private int pagesOf(DocumentType type) {
    return PdfPageImages.shared().pagesShownOf(documents.readForStaff(id, type));
  }

  // ===== the page =====

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** The review, {@code null} for an unknown 申请ID. */
  public OrderReview getReview() {
    return review;
  }

  /** The preset reasons of 驳回. */
  public List<String> getRejectReasons() {
    return rejectReasons;
  }

  /** The page numbers (from 1) of a PDF shown as images; none when it cannot be read. */
  public List<Integer> pages(DocumentInfo document) {
    int count = pdfPages.getOrDefault(document.type(), 0);
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  /** Whether the document has more pages than are shown. */
  public boolean morePages(DocumentInfo document) {
    return !document.isImage()
        && pdfPages.getOrDefault(document.type(), 0) >= PdfPageImages.shared().limits().maxPages();
  }

  /** Where an image document is shown ({@link ReviewDocumentServlet}). */
  public String imageUrl(DocumentInfo document) {
    return ReviewDocumentServlet.PATH
        + "?id="
        + id
        + "&type="
        + document.type().name()
        + version(document);
  }

  /** Where a document is downloaded, as an attachment ({@link ReviewDocumentServlet}). */
  public String downloadUrl(DocumentInfo document) {
    return ReviewDocumentServlet.PATH
        + "?id="
        + id
        + "&type="
        + document.type().name()
        + "&download=1";
  }

  /** Where a page of a PDF is shown as an image ({@link DocumentPageServlet}). */
  public String pageUrl(DocumentInfo document, int page) {
    return DocumentPageServlet.PATH
        + "?id="
        + id
        + "&type="
        + document.type().name()
        + "&page="
        + page
        + version(document);
  }

  /**
   * The subject as a distinguished name reads (for the reviewer's eye only): C, ST, L, O, CN and
   * serialNumber.
   */
  public String subjectLine() {
    ApprovedSubject s = review == null ? null : review.subject();
    if (s == null) {
      return "";
    }
    StringBuilder line = new StringBuilder("C=CN");
    if (s.province() != null) {
      line.append(", ST=").append(s.province());
    }
    if (s.city() != null) {
      line.append(", L=").append(s.city());
    }
    if (s.isOrganisation()) {
      line.append(", O=").append(s.name());
    }
    return line.append(", CN=")
        .append(s.name())
        .append(", serialNumber=")
        .append(s.code())
        .toString();
  }

  /** Size in whole KB, at least 1. */
  public long sizeKb(DocumentInfo document) {
    return Math.max(1, (document.size() + 1023) / 1024);
  }

  private static String version(DocumentInfo document) {
    return "&v=" + document.sha256().substring(0, 12);
  }

  public String getApproveOpinion() {
    return approveOpinion;
  }

  public void setApproveOpinion(String approveOpinion) {
    this.approveOpinion = approveOpinion;
  }

  public String getRejectReason() {
    return rejectReason;
  }

  public void setRejectReason(String rejectReason) {
    this.rejectReason = rejectReason;
  }

  public String getRejectOpinion() {
    return rejectOpinion;
  }

  public void setRejectOpinion(String rejectOpinion) {
    this.rejectOpinion = rejectOpinion;
  }
}
