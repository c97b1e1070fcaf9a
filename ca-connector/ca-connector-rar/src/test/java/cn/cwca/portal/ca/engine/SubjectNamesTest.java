package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.Subject;
import java.io.IOException;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subject name of a certificate carries the registered name exactly, as a UTF8String, whatever
 * characters it holds: nothing in it is parsed (a leading {@code #} is no hex-encoded DER, and
 * {@code , + = " \ ;} are no separators).
 */
class SubjectNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#3003020101",
        "#",
        "a,b+c=d",
        "名称\"带引号\"",
        "O=Evil, CN=admin",
        "back\\slash;semi<lt>gt",
        " x+y=z,#"
      })
  void anyNameBecomesExactlyThatUtf8String(String typed) throws IOException {
    String registered = typed.strip();
    X500Name name = SubjectNames.of(Subject.organisation(registered, "91350100M000100Y43"));

    X500Name decoded = X500Name.getInstance(name.getEncoded());
    assertEquals(registered, utf8(decoded, BCStyle.CN));
    assertEquals(registered, utf8(decoded, BCStyle.O));
    assertEquals(4, decoded.getRDNs().length, "C, O, CN, serialNumber: no RDN more");
  }

  @Test
  void aPersonsNameWithAHashIsItsCommonName() throws IOException {
    X500Name name =
        SubjectNames.of(
            Subject.person(
                    "#3003020101", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X")
                .withLocation("#山东省", "聊城市,东昌府区"));

    X500Name decoded = X500Name.getInstance(name.getEncoded());
    assertEquals("#3003020101", utf8(decoded, BCStyle.CN));
    assertEquals("#山东省", utf8(decoded, BCStyle.ST));
    assertEquals("聊城市,东昌府区", utf8(decoded, BCStyle.L));
  }

  @Test
  void countryAndSerialNumberArePrintableStrings() {
    X500Name name =
        SubjectNames.of(
            Subject.person("张三", IdentityDocumentType.RESIDENT_ID_CARD, "32010219700104000X"));

    ASN1Encodable country = only(name, BCStyle.C);
    ASN1Encodable serial = only(name, BCStyle.SERIALNUMBER);
    assertInstanceOf(DERPrintableString.class, country);
    assertEquals("CN", ((DERPrintableString) country).getString());
    assertInstanceOf(DERPrintableString.class, serial);
    assertEquals("32010219700104000X", ((DERPrintableString) serial).getString());
    assertInstanceOf(DERUTF8String.class, only(name, BCStyle.CN));
  }

  @Test
  void theEncodingOrderIsCountryFirstSerialNumberLast() {
    X500Name name =
        SubjectNames.of(
            Subject.organisation("示例科技有限公司", "91350100M000100Y43").withLocation("山东省", "聊城市"));

    List<ASN1ObjectIdentifier> types =
        java.util.Arrays.stream(name.getRDNs()).map(r -> r.getFirst().getType()).toList();
    assertEquals(
        List.of(BCStyle.C, BCStyle.ST, BCStyle.L, BCStyle.O, BCStyle.CN, BCStyle.SERIALNUMBER),
        types);
  }

  @Test
  void theStringFormEscapesTheNameSoThatItReadsBackTheSame() throws InvalidNameException {
    String registered = "#30 a,b+c=\"d\";e\\f<g>";
    String rfc4514 =
        SubjectNames.rfc4514(
            SubjectNames.of(Subject.organisation(registered, "91350100M000100Y43")));

    LdapName parsed = new LdapName(rfc4514);
    List<Rdn> rdns = parsed.getRdns();
    // LdapName lists right to left: C, O, CN, SERIALNUMBER.
    assertEquals(4, rdns.size(), rfc4514);
    assertEquals("CN", rdns.get(2).getType().toUpperCase(java.util.Locale.ROOT));
    assertEquals(registered, rdns.get(2).getValue());
    assertEquals(registered, rdns.get(1).getValue());
  }

  private static String utf8(X500Name name, ASN1ObjectIdentifier type) {
    ASN1Encodable value = only(name, type);
    assertInstanceOf(ASN1UTF8String.class, value, type + " is a UTF8String");
    return ((ASN1UTF8String) value).getString();
  }

  private static ASN1Encodable only(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    assertEquals(1, rdns.length, type.getId());
    assertEquals(1, rdns[0].size(), "single-valued");
    return rdns[0].getFirst().getValue();
  }
}
