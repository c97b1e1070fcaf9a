package cn.cwca.keyagent.pkcs11;

import java.util.Optional;

/**
 * Whether a PKCS#11 library could be used.
 *
 * @param library the library
 * @param loaded whether it loaded and answered
 * @param problem why not, when it did not
 */
public record LibraryStatus(Pkcs11Library library, boolean loaded, Optional<String> problem) {}
