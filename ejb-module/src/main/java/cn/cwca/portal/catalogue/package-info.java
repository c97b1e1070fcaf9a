/**
 * The catalogue the application rules read: the six service types (服务类型), prices, handling points
 * (办理点), which 取key方式 each service type and key may choose, and which documents are asked for (user
 * manual 4.1). Reference data in the database, read on each use.
 */
package cn.cwca.portal.catalogue;
