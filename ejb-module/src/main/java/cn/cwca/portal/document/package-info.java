/**
 * The files of the applications (资料文件, user manual 4.1.x.4): what an upload must be, how the files
 * are kept in PostgreSQL, and the printed forms. Who may read or change a file is the application
 * service's to decide.
 */
package cn.cwca.portal.document;
