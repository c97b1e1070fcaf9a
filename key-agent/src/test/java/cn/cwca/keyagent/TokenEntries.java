package cn.cwca.keyagent;

import cn.cwca.keyagent.pkcs11.Pkcs11Library;
import cn.cwca.keyagent.pkcs11.Token;
import cn.cwca.keyagent.pkcs11.TokenDirectory;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The entries of a SoftHSM2 token as SunPKCS11's key store shows them, the agent's waiting keys
 * included, read through a provider of the test's own. PKCS#11 logins belong to the process, so
 * this reads while an agent session is logged in to the token and needs no PIN.
 */
final class TokenEntries {

  private TokenEntries() {}

  static Set<String> aliases(SoftHsm softHsm, String label) {
    Token token =
        new TokenDirectory(List.of(new Pkcs11Library("test", softHsm.library())))
            .tokens().stream()
                .filter(candidate -> candidate.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No token " + label));
    Provider provider =
        Security.getProvider("SunPKCS11")
            .configure(
                "--name = TokenEntries\nlibrary = \""
                    + softHsm.library()
                    + "\"\nslotListIndex = "
                    + token.slotListIndex()
                    + "\n");
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
      keyStore.load(null, null);
      return Set.copyOf(Collections.list(keyStore.aliases()));
    } catch (Exception e) {
      throw new AssertionError("Cannot read the entries of token " + label, e);
    }
  }
}
