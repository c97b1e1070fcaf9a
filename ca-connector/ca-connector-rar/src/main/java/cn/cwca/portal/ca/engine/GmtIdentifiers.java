package cn.cwca.portal.ca.engine;

import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.Subject;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The identifier extensions of GM/T 0015 (基于SM2密码算法的数字证书格式规范), non-critical, in every profile
 * whatever the key algorithm:
 *
 * <ul>
 *   <li>1.2.156.10260.4.1.1 IdentifyCode (个人身份标识码) for a person: {@code CHOICE {
 *       residenterCardNumber [0] PrintableString, militaryOfficerCardNumber [1] UTF8String,
 *       passportNumber [2] PrintableString }}, the alternative tagged explicitly as the common
 *       Chinese implementations read it;
 *   <li>1.2.156.10260.4.1.3 ICRegistrationNumber (工商注册号) and 1.2.156.10260.4.1.5 TaxationNumber
 *       (税号) for an organisation, each a PrintableString holding the unified social credit code,
 *       which since 2015 (GB 32100) is both its registration and its tax number.
 * </ul>
 */
final class GmtIdentifiers {

  static final ASN1ObjectIdentifier IDENTIFY_CODE = new ASN1ObjectIdentifier("1.2.156.10260.4.1.1");
  static final ASN1ObjectIdentifier IC_REGISTRATION_NUMBER =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.3");
  static final ASN1ObjectIdentifier TAXATION_NUMBER =
      new ASN1ObjectIdentifier("1.2.156.10260.4.1.5");

  private static final int RESIDENTER_CARD_NUMBER = 0;
  private static final int PASSPORT_NUMBER = 2;

  private GmtIdentifiers() {}

  static List<Extension> of(Subject subject) {
    if (subject.isOrganisation()) {
      DERPrintableString uscc = new DERPrintableString(subject.uscc(), true);
      return List.of(
          ExtensionValues.nonCritical(IC_REGISTRATION_NUMBER, uscc),
          ExtensionValues.nonCritical(TAXATION_NUMBER, uscc));
    }
    int choice =
        subject.idType() == IdentityDocumentType.RESIDENT_ID_CARD
            ? RESIDENTER_CARD_NUMBER
            : PASSPORT_NUMBER;
    return List.of(
        ExtensionValues.nonCritical(
            IDENTIFY_CODE,
            new DERTaggedObject(true, choice, new DERPrintableString(subject.idNumber(), true))));
  }
}
