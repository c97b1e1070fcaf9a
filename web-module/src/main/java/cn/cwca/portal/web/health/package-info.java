/**
 * The portal's MicroProfile Health checks, which Payara serves at {@code /health/ready} and {@code
 * /health/live} (docs/operations.md).
 */
package cn.cwca.portal.web.health;
