/**
 * 控件下载: the KEY控件 (the key agent's zip, with the portal's origin written into it), the user manual
 * (操作文档), and the settings the pages' 识别KEY component reads.
 */
package cn.cwca.portal.web.downloads;
