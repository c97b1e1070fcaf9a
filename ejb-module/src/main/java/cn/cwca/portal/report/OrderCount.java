package cn.cwca.portal.report;

import cn.cwca.portal.application.OrderStatus;
import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The orders submitted on a Beijing day of one service type that are now in one status.
 *
 * @param orders how many, at least 1
 */
public record OrderCount(LocalDate day, ServiceType serviceType, OrderStatus status, long orders)
    implements Serializable {}
