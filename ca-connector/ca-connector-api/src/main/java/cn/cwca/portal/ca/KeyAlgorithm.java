package cn.cwca.portal.ca;

/**
 * The algorithms of the keys this CA certifies, and of its own keys. RSA keys of other sizes and
 * other elliptic curves are refused.
 */
public enum KeyAlgorithm {
  RSA_2048,
  RSA_3072,
  RSA_4096,
  /** ECDSA on NIST P-256 (secp256r1, prime256v1). */
  EC_P256,
  /** ECDSA on NIST P-384 (secp384r1). */
  EC_P384,
  /** SM2 (GB/T 32918) on the curve sm2p256v1 (1.2.156.10197.1.301), signing with SM3withSM2. */
  SM2
}
