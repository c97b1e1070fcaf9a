package cn.cwca.keyagent.pkcs11;

import cn.cwca.keyagent.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PKCS#11 libraries the agent uses and the tokens they show now. A library is loaded once, on
 * first use; a library that fails to load is reported, not retried.
 */
public final class TokenDirectory {

  static final String USER_NAMED = "user-named";

  private static final Logger LOG = Logger.getLogger(TokenDirectory.class.getName());

  private final List<Pkcs11Library> libraries;
  private final Map<Path, Cryptoki> loaded = new HashMap<>();
  private final Map<Path, String> failed = new HashMap<>();

  public TokenDirectory(List<Pkcs11Library> libraries) {
    this.libraries = List.copyOf(libraries);
  }

  /** The user-named libraries first, then the known ones present on this machine. */
  public static TokenDirectory configuredBy(AgentConfig config) {
    Map<Path, Pkcs11Library> libraries = new LinkedHashMap<>();
    for (Path named : config.namedLibraries()) {
      libraries.putIfAbsent(
          KnownLibraries.realPath(named),
          new Pkcs11Library(USER_NAMED, KnownLibraries.realPath(named)));
    }
    if (config.probeKnownLibraries()) {
      for (Pkcs11Library known : KnownLibraries.present()) {
        Path real = KnownLibraries.realPath(known.path());
        libraries.putIfAbsent(real, new Pkcs11Library(known.product(), real));
      }
    }
    return new TokenDirectory(new ArrayList<>(libraries.values()));
  }

  public synchronized List<LibraryStatus> libraries() {
    List<LibraryStatus> statuses = new ArrayList<>();
    for (Pkcs11Library library : libraries) {
      boolean usable = cryptoki(library).isPresent();
      Optional<String> problem =
          Files.isRegularFile(library.path())
              ? Optional.ofNullable(failed.get(library.path()))
              : Optional.of("file not found");
      statuses.add(new LibraryStatus(library, usable, problem));
    }
    return statuses;
  }

  /** The initialised tokens in every usable library, as they are now. */
  public synchronized List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    for (Pkcs11Library library : libraries) {
      cryptoki(library).ifPresent(cryptoki -> tokens.addAll(tokensOf(library, cryptoki)));
    }
    return tokens;
  }

  /**
   * @throws TokenException (token not found) when no present token matches
   */
  public Token find(TokenSelector selector) {
    return tokens().stream()
        .filter(selector::matches)
        .findFirst()
        .orElseThrow(
            () ->
                new TokenException(
                    TokenException.Reason.TOKEN_NOT_FOUND, "No such token is present"));
  }

  /** The token's information read again (its PIN flags change with each login attempt). */
  synchronized Token refresh(Token token) {
    return cryptoki(token.library())
        .map(cryptoki -> cryptoki.token(token.slotListIndex(), token.slotId()))
        .orElse(token);
  }

  /**
   * Sets the token's user PIN as its security officer.
   *
   * @see Cryptoki#initUserPin
   */
  synchronized void initUserPin(Token token, char[] soPin, byte[] userPin) {
    cryptoki(token.library())
        .orElseThrow(
            () ->
                new TokenException(
                    TokenException.Reason.TOKEN_FAILURE,
                    "The PKCS#11 library of this token is not usable"))
        .initUserPin(token.slotListIndex(), token.slotId(), soPin, userPin);
  }

  /** The key pairs the token can generate through PKCS#11. */
  public synchronized Set<KeyAlgorithm> algorithms(Token token) {
    Set<KeyAlgorithm> algorithms = EnumSet.noneOf(KeyAlgorithm.class);
    Optional<Cryptoki> cryptoki = cryptoki(token.library());
    if (cryptoki.isEmpty()) {
      return algorithms;
    }
    for (long mechanism : cryptoki.get().mechanisms(token.slotId())) {
      if (mechanism == Cryptoki.CKM_RSA_PKCS_KEY_PAIR_GEN) {
        algorithms.add(KeyAlgorithm.RSA_2048);
      } else if (mechanism == Cryptoki.CKM_EC_KEY_PAIR_GEN) {
        algorithms.add(KeyAlgorithm.EC_P256);
      }
    }
    return algorithms;
  }

  private List<Token> tokensOf(Pkcs11Library library, Cryptoki cryptoki) {
    try {
      return cryptoki.tokens();
    } catch (TokenException e) {
      LOG.log(Level.WARNING, "Cannot list the tokens of " + library.path(), e);
      return List.of();
    }
  }

  private Optional<Cryptoki> cryptoki(Pkcs11Library library) {
    Path path = library.path();
    if (loaded.containsKey(path)) {
      return Optional.of(loaded.get(path));
    }
    if (failed.containsKey(path)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      Cryptoki cryptoki = Cryptoki.load(library);
      loaded.put(path, cryptoki);
      LOG.info(() -> "Loaded PKCS#11 library " + path + " (" + library.product() + ")");
      return Optional.of(cryptoki);
    } catch (TokenException e) {
      failed.put(path, e.getMessage());
      LOG.warning(() -> "Cannot use PKCS#11 library " + path + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
