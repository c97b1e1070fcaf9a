package cn.cwca.portal.application;

import cn.cwca.portal.catalogue.ServiceType;
import java.io.Serializable;

/**
 * Step 1 (证书信息填写) as typed; which fields count depends on the {@link ServiceType}.
 *
 * @param years 证书年限, when {@link ServiceType#needsYears()}
 * @param holdsUnexpiredJiangsuKey 是否拥有未到期江苏智慧锁, 新办 only
 * @param furtherPaidKey 是否申请第二把及以上的收费锁, 新办 only
 * @param certificateSerialHex the certificate chosen with 选择证书 (丢失补办, 更新+丢失补办)
 * @param keyCertificateDerBase64 the certificate the key agent read (更新, 变更, 变更+更新), DER in base64
 * @param statementAccepted 已阅读用户责任声明
 */
public record CertificateInformation(
    ServiceType serviceType,
    Integer years,
    Boolean holdsUnexpiredJiangsuKey,
    Boolean furtherPaidKey,
    String certificateSerialHex,
    String keyCertificateDerBase64,
    AgentDetails agent,
    boolean statementAccepted)
    implements Serializable {}
