/**
 * The printed forms of an application (user manual 4.1.x.4, 资料文件上传): the templates of the
 * 《数字证书申请单》, 《CWCA电子认证服务协议》, 《公共资源电子签章采集表》 and 《经办人授权委托书》, and the 申请单 filled in from an
 * application, as A4 PDFs (Apache PDFBox) with Chinese in an embedded subset of Noto Sans SC (SIL
 * Open Font License 1.1). Plain classes without container: {@code
 * cn.cwca.portal.application.ApplicationFormService} maps an application to {@link
 * cn.cwca.portal.document.forms.ApplicationFormData} and calls {@link
 * cn.cwca.portal.document.forms.FormRenderer}.
 */
package cn.cwca.portal.document.forms;
