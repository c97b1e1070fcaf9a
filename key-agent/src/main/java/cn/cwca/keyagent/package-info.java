/**
 * The key agent: a desktop program that lets the portal's pages use the USB key (PKCS#11) through a
 * small JSON API on 127.0.0.1, for allowed origins only.
 */
package cn.cwca.keyagent;
