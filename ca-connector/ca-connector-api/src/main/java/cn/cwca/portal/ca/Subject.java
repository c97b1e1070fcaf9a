package cn.cwca.portal.ca;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whom a certificate certifies, built from the applicant's verified account data, never from the
 * certificate request. Either an organisation (name and unified social credit code) or a natural
 * person (name and identity document); the province and locality are optional. The country is
 * always CN.
 *
 * <p>The constructor only checks what the certificate encoding needs (lengths from X.520, the
 * PrintableString character set of the identifiers); the business rules (GB 11643 and GB 32100
 * check characters) are the account's, checked before the data counts as verified.
 *
 * @param name the organisation's name (机构名称) or the person's name (姓名), at most 64 characters
 * @param uscc the organisation's unified social credit code (统一社会信用代码), 18 characters of {@code
 *     0-9A-Z}; null for a person
 * @param idType the person's identity document type; null for an organisation
 * @param idNumber the person's identity document number; null for an organisation
 * @param province 省, optional (null), at most 128 characters
 * @param locality 市/区, optional (null), at most 128 characters
 */
public record Subject(
    String name,
    String uscc,
    IdentityDocumentType idType,
    String idNumber,
    String province,
    String locality) {

  /** X.520 upper bounds: ub-common-name and ub-organization-name 64, ub-locality-name 128. */
  private static final int MAX_NAME = 64;

  private static final int MAX_PLACE = 128;
  private static final Pattern USCC = Pattern.compile("[0-9A-Z]{18}");
  private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9X]");
  private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

  public Subject {
    requireText("name", name, MAX_NAME);
    if (uscc != null) {
      if (idType != null || idNumber != null) {
        throw new IllegalArgumentException("a subject is an organisation or a person, not both");
      }
      require("uscc", uscc, USCC);
    } else {
      Objects.requireNonNull(idType, "idType of a person");
      require(
          "idNumber",
          idNumber,
          idType == IdentityDocumentType.RESIDENT_ID_CARD ? RESIDENT_ID : PASSPORT);
    }
    if (province != null) {
      requireText("province", province, MAX_PLACE);
    }
    if (locality != null) {
      requireText("locality", locality, MAX_PLACE);
    }
  }

  /** An organisation, by its name and unified social credit code (upper case). */
  public static Subject organisation(String name, String uscc) {
    return new Subject(name, uscc, null, null, null, null);
  }

  /** A natural person, by name and identity document (number in upper case). */
  public static Subject person(String name, IdentityDocumentType idType, String idNumber) {
    return new Subject(name, null, idType, idNumber, null, null);
  }

  /** This subject with the province and locality (either may be null). */
  public Subject withLocation(String province, String locality) {
    return new Subject(name, uscc, idType, idNumber, province, locality);
  }

  public boolean isOrganisation() {
    return uscc != null;
  }

  /**
   * Names the subject without its full identifiers, which are personal data and stay out of logs.
   */
  @Override
  public String toString() {
    String identifier = isOrganisation() ? uscc : idType + " " + idNumber;
    return "Subject["
        + name
        + ", "
        + identifier.substring(0, identifier.length() - 4).replaceAll("[0-9A-Z]", "*")
        + identifier.substring(identifier.length() - 4)
        + "]";
  }

  private static void requireText(String field, String value, int maxLength) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > maxLength || !value.strip().equals(value)) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + maxLength + " characters without surrounding spaces");
    }
  }

  private static void require(String field, String value, Pattern pattern) {
    Objects.requireNonNull(value, field);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must match " + pattern.pattern());
    }
  }
}
