/**
 * The USB keys behind PKCS#11: library discovery, tokens and their PIN state, and logged-in
 * sessions that generate keys, install certificates and sign through the SunPKCS11 provider.
 */
package cn.cwca.keyagent.pkcs11;
