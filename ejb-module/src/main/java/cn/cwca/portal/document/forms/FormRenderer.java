package cn.cwca.portal.document.forms;

import cn.cwca.portal.account.AccountType;
import cn.cwca.portal.account.IdType;
import cn.cwca.portal.catalogue.DocumentType;
import cn.cwca.portal.catalogue.PickupMethod;
import cn.cwca.portal.catalogue.ServiceType;
import cn.cwca.portal.document.forms.ApplicationFormData.Agent;
import cn.cwca.portal.document.forms.ApplicationFormData.Certificate;
import cn.cwca.portal.document.forms.ApplicationFormData.Pickup;
import cn.cwca.portal.document.forms.ApplicationFormData.Subject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The four documents the wizard offers to download (user manual 4.1.x.4), as A4 PDFs: the 《数字证书申请单》
 * (blank, or filled in from {@link ApplicationFormData}), the 《CWCA电子认证服务协议》, the 《公共资源电子签章采集表》 and
 * the 《经办人授权委托书》. Plain Java, no container: stateless and thread-safe (every call composes its own
 * document).
 */
public class FormRenderer {

  /** Width of a label column (fits 统一社会信用代码). */
  private static final float LABEL = 96f;

  /** Height of the cells to sign and stamp in. */
  private static final float SIGNATURE_HEIGHT = 84f;

  /** Side of a box to stamp a seal in: 45 mm, room for a 42 mm official seal. */
  private static final float SEAL_BOX = 127.6f;

  /**
   * The blank template of a document.
   *
   * @throws IllegalArgumentException for a document without template ({@link
   *     DocumentType#hasTemplate()})
   */
  public byte[] template(DocumentType type) {
    return switch (type) {
      case APPLICATION_FORM -> applicationForm(ApplicationFormData.blank());
      case SERVICE_AGREEMENT -> serviceAgreement();
      case SEAL_FORM -> sealForm();
      case POWER_OF_ATTORNEY -> powerOfAttorney();
      default -> throw new IllegalArgumentException("no template for " + type);
    };
  }

  /**
   * The download's file name: the document's name, with the 申请ID for a filled-in 申请单, e.g.
   * 数字证书申请单-ABCDEFGHJKLMNPQR.pdf.
   */
  public static String fileName(DocumentType type, String applicationId) {
    String name = FormTexts.text("fileName." + type.name());
    return (applicationId == null ? name : name + "-" + applicationId) + ".pdf";
  }

  // ===== 《数字证书申请单》 =====

  /** The 申请单, filled in from the data ({@link ApplicationFormData#blank()} for the template). */
  public byte[] applicationForm(ApplicationFormData data) {
    try (PdfComposer pdf = new PdfComposer(FormTexts.text("applicationForm.title"))) {
      float w = pdf.width();
      float v2 = (w - 2 * LABEL) / 2;
      float v1 = w - LABEL;
      boolean blank = data.isBlank();

      pdf.title(FormTexts.text("applicationForm.title"));
      pdf.rightAligned(
          FormTexts.format(
              "applicationForm.id",
              blank ? "                              " : text(data.applicationId())),
          PdfComposer.BODY);
      pdf.gap(4);

      Certificate c = data.certificate() == null ? EMPTY_CERTIFICATE : data.certificate();
      Subject s = data.subject();
      pdf.section(form("applicationForm.section.certificate"));
      pdf.row(
          PdfComposer.label(form("applicationForm.userType"), LABEL),
          PdfComposer.value(blank ? choices(userTypes()) : text(s.userType()), v2),
          PdfComposer.label(form("applicationForm.years"), LABEL),
          PdfComposer.value(
              blank ? "" : c.years() == null ? FormTexts.text("notApplicable") : c.years(), v2));
      pdf.row(
          PdfComposer.label(form("applicationForm.serviceType"), LABEL),
          PdfComposer.value(
              blank ? choices(labels("serviceType", ServiceType.values())) : text(c.serviceType()),
              v1));
      pdf.row(
          PdfComposer.label(form("applicationForm.certificate"), LABEL),
          PdfComposer.value(certificate(blank, c), v1));

      subject(pdf, s, v1, v2);

      Agent a = data.agent() == null ? EMPTY_AGENT : data.agent();
      pdf.section(form("applicationForm.section.agent"));
      pdf.row(
          PdfComposer.label(form("applicationForm.agentName"), LABEL),
          PdfComposer.value(text(a.name()), v2),
          PdfComposer.label(form("applicationForm.agentMobile"), LABEL),
          PdfComposer.value(text(a.mobile()), v2));
      pdf.row(
          PdfComposer.label(form("applicationForm.agentIdType"), LABEL),
          PdfComposer.value(
              blank ? choices(labels("idType", IdType.values())) : text(a.idType()), v2),
          PdfComposer.label(form("applicationForm.agentIdNumber"), LABEL),
          PdfComposer.value(text(a.idNumber()), v2));

      pickup(pdf, data.pickup(), v1, v2);

      pdf.section(form("applicationForm.section.declaration"));
      pdf.row(PdfComposer.value(FormTexts.message("application.statement"), w));
      pdf.signatureRow(
          SIGNATURE_HEIGHT,
          FormTexts.text("signature.date"),
          form("applicationForm.signature.agent"),
          form(
              blank
                  ? "applicationForm.signature.blank"
                  : s.organisation()
                      ? "applicationForm.signature.organisation"
                      : "applicationForm.signature.person"));
      pdf.gap(6);
      pdf.paragraph(form("applicationForm.note"), PdfComposer.SMALL, false);
      return pdf.finish();
    }
  }

  private static final Certificate EMPTY_CERTIFICATE = new Certificate(null, null, null, null);

  private static final Agent EMPTY_AGENT = new Agent(null, null, null, null);

  private static String certificate(boolean blank, Certificate c) {
    if (blank) {
      return form("applicationForm.certificate.blank");
    }
    if (c.certificateSerial() == null) {
      return FormTexts.text("notApplicable");
    }
    return FormTexts.format(
        "applicationForm.certificate.value", text(c.certificateName()), c.certificateSerial());
  }

  private static void subject(PdfComposer pdf, Subject s, float v1, float v2) {
    if (s == null) {
      pdf.section(form("applicationForm.section.subject"));
      pdf.row(
          PdfComposer.label(form("applicationForm.blank.name"), LABEL), PdfComposer.value("", v1));
      pdf.row(
          PdfComposer.label(form("applicationForm.blank.idNumber"), LABEL),
          PdfComposer.value("", v2),
          PdfComposer.label(form("applicationForm.legalRepresentative"), LABEL),
          PdfComposer.value("", v2));
      pdf.row(
          PdfComposer.label(form("applicationForm.blank.address"), LABEL),
          PdfComposer.value("", v1));
      pdf.row(PdfComposer.label(form("applicationForm.mobile"), LABEL), PdfComposer.value("", v1));
    } else if (s.organisation()) {
      pdf.section(form("applicationForm.section.organisation"));
      pdf.row(
          PdfComposer.label(form("applicationForm.orgName"), LABEL),
          PdfComposer.value(text(s.name()), v1));
      pdf.row(
          PdfComposer.label(form("applicationForm.creditCode"), LABEL),
          PdfComposer.value(text(s.idNumber()), v2),
          PdfComposer.label(form("applicationForm.legalRepresentative"), LABEL),
          PdfComposer.value(text(s.legalRepresentative()), v2));
      pdf.row(
          PdfComposer.label(form("applicationForm.orgAddress"), LABEL),
          PdfComposer.value(text(s.address()), v1));
      pdf.row(
          PdfComposer.label(form("applicationForm.mobile"), LABEL),
          PdfComposer.value(text(s.mobile()), v1));
    } else {
      pdf.section(form("applicationForm.section.person"));
      pdf.row(
          PdfComposer.label(form("applicationForm.personName"), LABEL),
          PdfComposer.value(text(s.name()), v2),
          PdfComposer.label(form("applicationForm.idType"), LABEL),
          PdfComposer.value(text(s.idType()), v2));
      pdf.row(
          PdfComposer.label(form("applicationForm.idNumber"), LABEL),
          PdfComposer.value(text(s.idNumber()), v1));
      pdf.row(
          PdfComposer.label(form("applicationForm.personAddress"), LABEL),
          PdfComposer.value(text(s.address()), v1));
      pdf.row(
          PdfComposer.label(form("applicationForm.mobile"), LABEL),
          PdfComposer.value(text(s.mobile()), v1));
    }
  }

  private static void pickup(PdfComposer pdf, Pickup p, float v1, float v2) {
    pdf.section(form("applicationForm.section.pickup"));
    pdf.row(
        PdfComposer.label(form("applicationForm.pickupMethod"), LABEL),
        PdfComposer.value(
            p == null
                ? choices(labels("pickupMethod", PickupMethod.values()))
                : text(p.methodLabel()),
            v2),
        PdfComposer.label(form("applicationForm.handlingPoint"), LABEL),
        PdfComposer.value(p == null ? "" : text(p.handlingPoint()), v2));
    if (p == null) {
      pdf.row(
          PdfComposer.label(form("applicationForm.blank.contactName"), LABEL),
          PdfComposer.value("", v2),
          PdfComposer.label(form("applicationForm.blank.contactMobile"), LABEL),
          PdfComposer.value("", v2));
      pdf.row(
          PdfComposer.label(form("applicationForm.blank.contactAddress"), LABEL),
          PdfComposer.value("", v1));
      pdf.row(PdfComposer.label(form("applicationForm.remark"), LABEL), PdfComposer.value("", v1));
      return;
    }
    switch (p.method()) {
      case COURIER -> {
        pdf.row(
            PdfComposer.label(form("applicationForm.recipientName"), LABEL),
            PdfComposer.value(text(p.recipientName()), v2),
            PdfComposer.label(form("applicationForm.recipientMobile"), LABEL),
            PdfComposer.value(text(p.recipientMobile()), v2));
        pdf.row(
            PdfComposer.label(form("applicationForm.recipientAddress"), LABEL),
            PdfComposer.value(text(p.recipientAddress()), v1));
        pdf.row(
            PdfComposer.label(form("applicationForm.shippingAddress"), LABEL),
            PdfComposer.value(text(p.handlingPointAddress()), v1));
        pdf.row(
            PdfComposer.label(form("applicationForm.remark"), LABEL),
            PdfComposer.value(text(p.remark()), v1));
      }
      case PICKUP -> {
        pdf.row(
            PdfComposer.label(form("applicationForm.collectorName"), LABEL),
            PdfComposer.value(text(p.collectorName()), v2),
            PdfComposer.label(form("applicationForm.collectorMobile"), LABEL),
            PdfComposer.value(text(p.collectorMobile()), v2));
        pdf.row(
            PdfComposer.label(form("applicationForm.collectorIdNumber"), LABEL),
            PdfComposer.value(text(p.collectorIdNumber()), v1));
        pdf.row(
            PdfComposer.label(form("applicationForm.collectionAddress"), LABEL),
            PdfComposer.value(text(p.handlingPointAddress()), v1));
      }
      case SELF_SERVICE ->
          pdf.row(
              PdfComposer.label(form("applicationForm.explanation"), LABEL),
              PdfComposer.value(form("applicationForm.selfService"), v1));
    }
  }

  // ===== 《CWCA电子认证服务协议》 =====

  private byte[] serviceAgreement() {
    try (PdfComposer pdf = new PdfComposer(FormTexts.text("agreement.title"))) {
      pdf.title(FormTexts.text("agreement.title"));
      pdf.paragraph(
          FormTexts.format("agreement.partyA", FormTexts.text("ca.name")), PdfComposer.BODY, false);
      pdf.signatureLines(FormTexts.text("agreement.partyB"));
      pdf.gap(6);
      for (String line : FormTexts.agreement()) {
        if (line.startsWith("## ")) {
          pdf.heading(line.substring(3).strip());
        } else {
          pdf.paragraph(line, PdfComposer.BODY, true);
        }
      }
      pdf.gap(12);
      pdf.signatureRow(
          SIGNATURE_HEIGHT + 24,
          FormTexts.text("signature.date"),
          FormTexts.text("agreement.signature.partyA"),
          FormTexts.text("agreement.signature.partyB")
              + "\n\n\n"
              + FormTexts.text("agreement.signature.agent"));
      return pdf.finish();
    }
  }

  // ===== 《公共资源电子签章采集表》 =====

  private byte[] sealForm() {
    try (PdfComposer pdf = new PdfComposer(FormTexts.text("sealForm.title"))) {
      float w = pdf.width();
      float v2 = (w - 2 * LABEL) / 2;
      pdf.title(FormTexts.text("sealForm.title"));
      pdf.gap(4);
      pdf.section(FormTexts.text("sealForm.section.organisation"));
      pdf.row(
          PdfComposer.label(FormTexts.text("sealForm.orgName"), LABEL),
          PdfComposer.value("", w - LABEL));
      pdf.row(
          PdfComposer.label(FormTexts.text("sealForm.creditCode"), LABEL),
          PdfComposer.value("", v2),
          PdfComposer.label(FormTexts.text("sealForm.legalRepresentative"), LABEL),
          PdfComposer.value("", v2));
      pdf.row(
          PdfComposer.label(FormTexts.text("sealForm.agentName"), LABEL),
          PdfComposer.value("", v2),
          PdfComposer.label(FormTexts.text("sealForm.agentMobile"), LABEL),
          PdfComposer.value("", v2));
      pdf.section(FormTexts.text("sealForm.section.seals"));
      pdf.boxes(
          SEAL_BOX,
          FormTexts.text("sealForm.seal.1"),
          FormTexts.text("sealForm.seal.2"),
          FormTexts.text("sealForm.seal.3"));
      pdf.gap(8);
      pdf.paragraph(FormTexts.text("sealForm.notes"), PdfComposer.SMALL, false);
      pdf.gap(8);
      pdf.signatureRow(
          SIGNATURE_HEIGHT,
          FormTexts.text("signature.date"),
          FormTexts.text("sealForm.signature.legalRepresentative"),
          FormTexts.text("sealForm.signature.organisation"));
      return pdf.finish();
    }
  }

  // ===== 《经办人授权委托书》 =====

  private byte[] powerOfAttorney() {
    try (PdfComposer pdf = new PdfComposer(FormTexts.text("powerOfAttorney.title"))) {
      float w = pdf.width();
      float v2 = (w - 2 * LABEL) / 2;
      pdf.title(FormTexts.text("powerOfAttorney.title"));
      pdf.paragraph(
          FormTexts.format("powerOfAttorney.addressee", FormTexts.text("ca.name")),
          PdfComposer.BODY,
          false);
      pdf.gap(4);
      pdf.section(FormTexts.text("powerOfAttorney.section.principal"));
      pdf.row(
          PdfComposer.label(FormTexts.text("powerOfAttorney.orgName"), LABEL),
          PdfComposer.value("", w - LABEL));
      pdf.row(
          PdfComposer.label(FormTexts.text("powerOfAttorney.creditCode"), LABEL),
          PdfComposer.value("", v2),
          PdfComposer.label(FormTexts.text("powerOfAttorney.legalRepresentative"), LABEL),
          PdfComposer.value("", v2));
      pdf.row(
          PdfComposer.label(FormTexts.text("powerOfAttorney.address"), LABEL),
          PdfComposer.value("", w - LABEL));
      pdf.section(FormTexts.text("powerOfAttorney.section.agent"));
      pdf.row(
          PdfComposer.label(FormTexts.text("powerOfAttorney.agentName"), LABEL),
          PdfComposer.value("", v2),
          PdfComposer.label(FormTexts.text("powerOfAttorney.agentMobile"), LABEL),
          PdfComposer.value("", v2));
      pdf.row(
          PdfComposer.label(FormTexts.text("powerOfAttorney.agentIdType"), LABEL),
          PdfComposer.value(choices(labels("idType", IdType.values())), v2),
          PdfComposer.label(FormTexts.text("powerOfAttorney.agentIdNumber"), LABEL),
          PdfComposer.value("", v2));
      pdf.gap(10);
      pdf.paragraph(FormTexts.text("powerOfAttorney.text"), PdfComposer.BODY, true);
      pdf.gap(4);
      pdf.paragraph(FormTexts.text("powerOfAttorney.attachment"), PdfComposer.BODY, true);
      pdf.gap(12);
      pdf.signatureRow(
          SIGNATURE_HEIGHT,
          FormTexts.text("signature.date"),
          FormTexts.text("powerOfAttorney.signature.organisation"),
          FormTexts.text("powerOfAttorney.signature.legalRepresentative"),
          FormTexts.text("powerOfAttorney.signature.agent"));
      return pdf.finish();
    }
  }

  // ===== texts =====

  private static String form(String key) {
    return FormTexts.text(key);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** The applicants' user types: 机构, 自然人. */
  private static List<String> userTypes() {
    return Stream.of(AccountType.ORGANISATION, AccountType.NATURAL_PERSON)
        .map(t -> FormTexts.label("accountType", t))
        .toList();
  }

  private static List<String> labels(String prefix, Enum<?>[] values) {
    return Arrays.stream(values).map(v -> FormTexts.label(prefix, v)).toList();
  }

  /** Tick boxes to choose one option by hand: □ 机构 □ 自然人. */
  private static String choices(List<String> options) {
    String open = FormTexts.text("mark.open");
    return options.stream()
        .map(o -> PdfComposer.unbreakable(open + " " + o))
        .collect(Collectors.joining("    "));
  }
}
