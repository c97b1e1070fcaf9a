/**
 * Tests of the deployed portal over plain HTTP, as a load balancer, a crawler or a flood sees it:
 * health endpoints, headers, sessions.
 */
package cn.cwca.portal.http;
