package cn.cwca.keyagent.pkcs11;

import java.nio.file.Path;

/**
 * A PKCS#11 library (the vendor's "cryptoki" module) the agent may load.
 *
 * @param product what it drives, e.g. "Longmai mToken GM3000", or "user-named"
 * @param path where it is
 */
public record Pkcs11Library(String product, Path path) {}
