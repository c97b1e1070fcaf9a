/** The agent's configuration: ports, allowed origins, PKCS#11 libraries, limits. */
package cn.cwca.keyagent.config;
