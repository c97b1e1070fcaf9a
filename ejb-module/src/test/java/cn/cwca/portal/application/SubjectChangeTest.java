package cn.cwca.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.common.BusinessException;
import org.junit.jupiter.api.Test;

class SubjectChangeTest {

  /**
   * The registry's form (RFC 4519 style, most specific RDN first) of an organisation certificate.
   */
  private static final String ORGANISATION_DN =
      "serialNumber=91350100M000100Y43,CN=聊城示例科技有限公司,O=聊城示例科技有限公司,L=聊城市,ST=山东省,C=CN";

  @Test
  void unchangedNameAndLegalRepresentativeAskToUpdateThePersonalCentreFirst() {
    assertFalse(SubjectChange.differs(ORGANISATION_DN, "聊城示例科技有限公司", false));
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> SubjectChange.check(ORGANISATION_DN, " 聊城示例科技有限公司 ", false));
    assertEquals("application.change.sameSubject", e.messageKey());
  }

  @Test
  void aNewOrganisationNameIsAChange() {
    assertTrue(SubjectChange.differs(ORGANISATION_DN, "聊城示例信息技术有限公司", false));
  }

  @Test
  void aNewLegalRepresentativeIsAChangeThoughTheCertificateDoesNotNameIt() {
    assertTrue(SubjectChange.differs(ORGANISATION_DN, "聊城示例科技有限公司", true));
  }

  @Test
  void aPersonsCertificateIsComparedByItsCommonName() {
    String personDn = "CN=原姓名,SERIALNUMBER=370102198001017778,C=CN";
    assertTrue(SubjectChange.differs(personDn, "新姓名", false));
    assertFalse(SubjectChange.differs(personDn, "原姓名", false));
  }

  @Test
  void attributesAreFoundByKeywordOrOid() {
    String dn = "2.5.4.5=#1312333730313032313938303031303137373738,2.5.4.3=Zhang San,C=CN";
    assertEquals(
        "370102198001017778",
        DistinguishedNames.get(dn, DistinguishedNames.SERIAL_NUMBER).orElseThrow());
    assertEquals(
        "Zhang San", DistinguishedNames.get(dn, DistinguishedNames.COMMON_NAME).orElseThrow());
    assertTrue(DistinguishedNames.attributes("not a DN").isEmpty());
  }
}
