package cn.cwca.portal.review;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of the review queue: an order waiting for review, as the reviewer sees it.
 *
 * @param publicId 申请ID
 * @param userType 用户类型
 * @param applicantName 姓名 or 机构名称 of the account
 * @param applicantCode the account's login name: ID number or unified social credit code
 * @param serviceType 业务类型
 * @param years 证书年限; {@code null} for the types without years
 * @param handlingPointName 办理点
 * @param pickupMethod 取key方式
 * @param submittedAt 申请时间 (UTC)
 * @param price the price paid (0 for a free order)
 * @param status {@link OrderStatus#AWAITING_REVIEW} or {@link OrderStatus#AWAITING_SECOND_REVIEW}
 * @param round 1, one more for each resubmission after 驳回
 * @param stage 1, or 2 for a second approval
 * @param claimedBy who claimed the order, or {@code null}
 * @param claimedUntil until when (UTC), or {@code null}
 * @param claimedByCaller whether the caller holds it
 * @param claimActive whether someone holds it now (a claim that ran out may be taken over)
 */
public record ReviewQueueRow(
    String publicId,
    AccountType userType,
    String applicantName,
    String applicantCode,
    ServiceType serviceType,
    Integer years,
    String handlingPointName,
    PickupMethod pickupMethod,
    LocalDateTime submittedAt,
    BigDecimal price,
    OrderStatus status,
    int round,
    int stage,
    String claimedBy,
    LocalDateTime claimedUntil,
    boolean claimedByCaller,
    boolean claimActive)
    implements Serializable {

  /** Another reviewer holds the order now: it cannot be claimed. */
  public boolean heldByOther() {
    return claimActive && !claimedByCaller;
  }
}
