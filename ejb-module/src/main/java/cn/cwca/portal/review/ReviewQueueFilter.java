package cn.cwca.portal.review;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The filters of the review queue; {@code null} (or a blank text) leaves a filter out.
 *
 * @param serviceType 业务类型
 * @param userType 用户类型: {@link AccountType#NATURAL_PERSON} or {@link AccountType#ORGANISATION}
 * @param handlingPointCode 办理点
 * @param submittedFrom 申请时间 from this day on (Beijing time)
 * @param submittedTo 申请时间 up to and including this day (Beijing time)
 * @param applicant the applicant's name (any part of it, in any case) or the start of their ID
 *     number or unified social credit code
 */
public record ReviewQueueFilter(
    ServiceType serviceType,
    AccountType userType,
    String handlingPointCode,
    LocalDate submittedFrom,
    LocalDate submittedTo,
    String applicant)
    implements Serializable {

  /** No filter: every order waiting for the caller. */
  public static final ReviewQueueFilter NONE =
      new ReviewQueueFilter(null, null, null, null, null, null);
}
