package cn.cwca.portal.document.forms;

import cn.cwca.portal.catalogue.PickupMethod;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the 《数字证书申请单》 prints, as text ready to print: the enums already carry their Chinese labels.
 * A {@code null} field prints as an empty cell to fill in by hand; {@link #blank()} is the
 * template.
 *
 * @param applicationId 申请ID
 * @param certificate 证书信息
 * @param subject the applicant's data from the personal centre
 * @param agent 经办人
 * @param pickup 取KEY方式; {@code null} before it was chosen
 */
public record ApplicationFormData(
    String applicationId, Certificate certificate, Subject subject, Agent agent, Pickup pickup)
    implements Serializable {

  /**
   * 证书信息.
   *
   * @param serviceType 业务类型, e.g. 新办（替换）
   * @param years 证书年限, e.g. 2年; {@code null} when the service type has none
   * @param certificateName the subject's name of the certificate concerned (更新, 变更, 丢失补办)
   * @param certificateSerial its serial number (hex)
   */
  public record Certificate(
      String serviceType, String years, String certificateName, String certificateSerial)
      implements Serializable {}

  /**
   * The applicant (用户类型 机构 or 自然人).
   *
   * @param organisation whether the applicant is an organisation (单位名称, 统一社会信用代码, 法定代表人) or a
   *     person (姓名, 证件类型, 证件号码)
   * @param userType 用户类型, e.g. 机构
   * @param name 单位名称 or 姓名
   * @param idType 证件类型 of a person, e.g. 居民身份证
   * @param idNumber 统一社会信用代码 or 证件号码
   * @param legalRepresentative 法定代表人 of an organisation
   * @param address 单位地址 or 地址 (所在行政区)
   * @param mobile 联系电话
   */
  public record Subject(
      boolean organisation,
      String userType,
      String name,
      String idType,
      String idNumber,
      String legalRepresentative,
      String address,
      String mobile)
      implements Serializable {}

  /**
   * 经办人.
   *
   * @param idType e.g. 居民身份证
   */
  public record Agent(String name, String mobile, String idType, String idNumber)
      implements Serializable {}

  /**
   * 取KEY方式 with its fields: 收货人 for 邮寄, 取证人 for 自取, neither for 自助.
   *
   * @param method which fields apply
   * @param methodLabel the method as printed, e.g. 邮寄-收方付
   * @param handlingPoint 办理点
   * @param handlingPointAddress 发货地址 (邮寄) or 取证地址 (自取)
   */
  public record Pickup(
      PickupMethod method,
      String methodLabel,
      String handlingPoint,
      String handlingPointAddress,
      String recipientName,
      String recipientMobile,
      String recipientAddress,
      String remark,
      String collectorName,
      String collectorMobile,
      String collectorIdNumber)
      implements Serializable {

    public Pickup {
      Objects.requireNonNull(method);
    }
  }

  /** Whether this is the template: nothing filled in. */
  public boolean isBlank() {
    return subject == null;
  }

  /** The template: every field empty. */
  public static ApplicationFormData blank() {
    return new ApplicationFormData(null, null, null, null, null);
  }
}
