/**
 * The USB keys behind PKCS#11: library discovery, tokens and their PIN state, the security
 * officer's setting of a user PIN, and logged-in sessions that generate keys, install certificates
 * and sign proofs of possession through the SunPKCS11 provider.
 */
package cn.cwca.keyagent.pkcs11;
