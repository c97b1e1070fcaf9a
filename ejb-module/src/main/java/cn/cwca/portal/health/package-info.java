/**
 * Whether this instance can serve: the checks behind the readiness endpoint that a load balancer
 * and the run command ask before sending traffic (docs/operations.md).
 */
package cn.cwca.portal.health;
