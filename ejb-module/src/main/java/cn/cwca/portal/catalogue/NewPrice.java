package cn.cwca.portal.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price an administrator sets: for a service type, key, years and applicant type, from a Beijing
 * day on. Checked by {@link CatalogueRules#newPrice}.
 *
 * @param years 证书年限; {@code null} or 0 for the types without years
 * @param amount yuan in all
 * @param keyAmount the part of it that is the USB key's; {@code null} for none
 */
public record NewPrice(
    ServiceType serviceType,
    boolean furtherKey,
    Integer years,
    ApplicantScope applicantScope,
    LocalDate appliesFrom,
    BigDecimal amount,
    BigDecimal keyAmount) {}
