/** What every area of the portal shares: the business exception and where a request came from. */
package cn.cwca.portal.common;
