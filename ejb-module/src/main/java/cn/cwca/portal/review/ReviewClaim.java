package cn.cwca.portal.review;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * The caller's claim on an order (领取): nobody else reviews it until {@code until} (UTC), which the
 * caller's activity moves on.
 */
public record ReviewClaim(String publicId, String reviewer, LocalDateTime until)
    implements Serializable {}
