package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.Subject;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The subject distinguished name of a certificate, from the verified subject. In encoding order:
 * C=CN, ST, L (when known), O (organisations), CN (the name), serialNumber (the USCC of an
 * organisation, the identity document number of a person: it keeps the names of two subjects with
 * the same name apart, RFC 5280 section 4.1.2.6). C and serialNumber are PrintableStrings, the
 * others UTF8Strings, as RFC 5280 recommends.
 *
 * <p>Every value is given to the builder as the typed ASN.1 string it becomes, never as text for
 * Bouncy Castle to parse: a name is whatever the applicant registered, and a parsed value starting
 * with {@code #} would be taken as hex-encoded DER (RFC 4514 section 2.4), so that {@code
 * #3003020101} would put a SEQUENCE, not the name, into the certificate.
 */
final class SubjectNames {

  private SubjectNames() {}

  static X500Name of(Subject subject) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, printable("CN"));
    if (subject.province() != null) {
      name.addRDN(BCStyle.ST, new DERUTF8String(subject.province()));
    }
    if (subject.locality() != null) {
      name.addRDN(BCStyle.L, new DERUTF8String(subject.locality()));
    }
    if (subject.isOrganisation()) {
      name.addRDN(BCStyle.O, new DERUTF8String(subject.name()));
    }
    name.addRDN(BCStyle.CN, new DERUTF8String(subject.name()));
    name.addRDN(
        BCStyle.SERIALNUMBER,
        printable(subject.isOrganisation() ? subject.uscc() : subject.idNumber()));
    return name.build();
  }

  /**
   * A PrintableString, checked: {@link Subject} allows only {@code 0-9A-Z} in the identifiers, so a
   * value outside the PrintableString set is a bug and fails here rather than in a certificate.
   */
  private static DERPrintableString printable(String value) {
    return new DERPrintableString(value, true);
  }

  /**
   * The RFC 4514 string of a name: the most significant attribute last, upper-case attribute names
   * as the JDK writes them ({@code SERIALNUMBER=...,CN=...,O=...,C=CN}).
   */
  static String rfc4514(X500Name name) {
    List<RDN> reversed = Arrays.asList(name.getRDNs().clone());
    Collections.reverse(reversed);
    return new X500Name(BCStyle.INSTANCE, reversed.toArray(new RDN[0])).toString();
  }
}
