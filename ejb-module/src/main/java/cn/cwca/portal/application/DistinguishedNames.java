package cn.cwca.portal.application;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Reads attributes of a subject distinguished name in the string form of RFC 4514 (the registry's
 * form and the one {@link KeyCertificates} stores). Attribute types are matched by keyword or OID:
 * CN (2.5.4.3), O (2.5.4.10), SERIALNUMBER (2.5.4.5).
 */
final class DistinguishedNames {

  static final String COMMON_NAME = "CN";
  static final String ORGANISATION = "O";
  static final String SERIAL_NUMBER = "SERIALNUMBER";

  private static final Map<String, String> KEYWORDS =
      Map.of(
          "2.5.4.3", COMMON_NAME,
          "COMMONNAME", COMMON_NAME,
          "2.5.4.10", ORGANISATION,
          "ORGANIZATIONNAME", ORGANISATION,
          "2.5.4.5", SERIAL_NUMBER);

  private DistinguishedNames() {}

  /** The first value of each attribute type, by upper-case keyword; empty for an unreadable DN. */
  static Map<String, String> attributes(String dn) {
    Map<String, String> values = new HashMap<>();
    if (dn == null || dn.isBlank()) {
      return values;
    }
    List<Rdn> rdns;
    try {
      rdns = new LdapName(dn).getRdns();
    } catch (InvalidNameException | IllegalArgumentException e) {
      return values;
    }
    // LdapName lists the RDNs right to left; keep the most specific (left-most) value of a type.
    for (Rdn rdn : rdns) {
      String type = rdn.getType().toUpperCase(Locale.ROOT);
      String keyword = KEYWORDS.getOrDefault(type, type);
      String value = text(rdn.getValue());
      if (value != null) {
        values.put(keyword, value.strip());
      }
    }
    return values;
  }

  static Optional<String> get(String dn, String keyword) {
    return Optional.ofNullable(attributes(dn).get(keyword));
  }

  /**
   * The value as text: a string, or the content of a DER-encoded string ({@code #hex} values of
   * unknown attribute types).
   */
  private static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof byte[] der && der.length >= 2) {
      int tag = der[0] & 0xFF;
      int length = der[1] & 0xFF;
      int offset = 2;
      if (length > 0x7F) {
        int lengthBytes = length & 0x7F;
        if (lengthBytes > 2 || der.length < 2 + lengthBytes) {
          return null;
        }
        length = 0;
        for (int i = 0; i < lengthBytes; i++) {
          length = (length << 8) | (der[2 + i] & 0xFF);
        }
        offset += lengthBytes;
      }
      if (offset + length > der.length) {
        return null;
      }
      // BMPString (0x1E) is UTF-16; UTF8String, PrintableString, IA5String are UTF-8 compatible.
      return new String(
          der, offset, length, tag == 0x1E ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
    }
    return null;
  }
}
