package cn.cwca.keyagent.pkcs11;

import java.security.AuthProvider;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.HashMap;
import java.util.Map;

/**
 * One SunPKCS11 provider per token, made on first login and reused. Key pairs the provider
 * generates are token objects that never leave the key: private, sensitive, not extractable.
 */
final class TokenProviders {

  private final Map<String, AuthProvider> providers = new HashMap<>();
  private int created;

  synchronized AuthProvider forToken(Token token) {
    String key = token.library().path() + "#" + token.slotListIndex() + "#" + token.serial();
    AuthProvider provider = providers.get(key);
    if (provider == null) {
      provider = create(token, "KeyAgent-" + ++created);
      providers.put(key, provider);
    }
    return provider;
  }

  private static AuthProvider create(Token token, String name) {
    Provider prototype = Security.getProvider("SunPKCS11");
    if (prototype == null) {
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE,
          "This Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
    }
    try {
      return (AuthProvider) prototype.configure("--" + configuration(token, name));
    } catch (ProviderException | IllegalArgumentException e) {
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE,
          "The PKCS#11 library cannot use this token: " + e.getMessage(),
          e);
    }
  }

  /**
   * The SunPKCS11 configuration (JDK PKCS#11 Reference Guide). The slot is named by its index in
   * the slot list; the library path is quoted, with forward slashes, which Windows accepts too.
   */
  static String configuration(Token token, String name) {
    String library = token.library().path().toString().replace('\\', '/');
    return """
        name = %s
        library = "%s"
        slotListIndex = %d
        attributes(generate, CKO_PRIVATE_KEY, *) = {
          CKA_TOKEN = true
          CKA_PRIVATE = true
          CKA_SENSITIVE = true
          CKA_EXTRACTABLE = false
          CKA_SIGN = true
        }
        attributes(generate, CKO_PUBLIC_KEY, *) = {
          CKA_TOKEN = true
          CKA_VERIFY = true
        }
        """
        .formatted(name, library, token.slotListIndex());
  }
}
