/**
 * Staff login with a USB key: which staff roles must prove the certificate on their key as well as
 * their password, the certificate bound to each staff member, and the login's second step, a proof
 * of possession through the key agent (docs/key-agent.md, "Staff login with a USB key").
 */
package cn.cwca.portal.keylogin;
