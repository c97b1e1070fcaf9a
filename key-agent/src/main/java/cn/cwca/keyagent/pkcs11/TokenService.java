package cn.cwca.keyagent.pkcs11;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.ProviderException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * What the agent does with the USB keys: list them, log in with a PIN, and hand out the session
 * that works with the logged-in token. One session per token: a new login to a token ends the
 * previous session and checks the PIN again. A session ends on logout and after {@code idleTimeout}
 * without use.
 */
public final class TokenService implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

  private final TokenDirectory directory;
  private final TokenProviders providers = new TokenProviders();
  private final Map<String, TokenSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idleTimeout;

  public TokenService(TokenDirectory directory, Clock clock, Duration idleTimeout) {
    this.directory = directory;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  public List<LibraryStatus> libraries() {
    return directory.libraries();
  }

  public List<Token> tokens() {
    return directory.tokens();
  }

  public Set<KeyAlgorithm> algorithms(Token token) {
    return directory.algorithms(token);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * Logs in to the token with the PIN, which is wiped before this returns.
   *
   * @throws TokenException PIN_INCORRECT or PIN_LOCKED (with the token's PIN flags), or
   *     TOKEN_NOT_FOUND
   */
  public synchronized TokenSession login(TokenSelector selector, char[] pin) {
    try {
      Token token = directory.find(selector);
      endSessionsOf(token);
      AuthProvider provider = providers.forToken(token);
      // The PKCS#11 login state belongs to the whole process: log out first so that this PIN is
      // checked by the token even when an earlier login is still in force.
      logoutQuietly(provider);
      try {
        provider.login(
            null,
            callbacks -> {
              for (var callback : callbacks) {
                if (callback instanceof PasswordCallback password) {
                  password.setPassword(pin);
                } else {
                  throw new UnsupportedCallbackException(callback);
                }
              }
            });
      } catch (FailedLoginException e) {
        throw refusedPin(token, false);
      } catch (LoginException e) {
        String code = String.valueOf(e.getCause() == null ? null : e.getCause().getMessage());
        if (code.contains("CKR_PIN_LOCKED")) {
          throw refusedPin(token, true);
        }
        if (code.contains("CKR_PIN_LEN_RANGE") || code.contains("CKR_PIN_INVALID")) {
          throw refusedPin(token, false);
        }
        throw new TokenException(
            TokenException.Reason.TOKEN_FAILURE, "The token refused the login: " + code, e);
      }
      KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
      keyStore.load(null, null);
      TokenSession session =
          new TokenSession(SessionIds.newSessionId(), token, provider, keyStore, clock.instant());
      sessions.put(session.id(), session);
      LOG.info(() -> "Logged in to token " + token.label() + " (serial " + token.serial() + ")");
      return session;
    } catch (GeneralSecurityException | IOException | ProviderException e) {
      throw new TokenException(
          TokenException.Reason.TOKEN_FAILURE, "The token could not be opened: " + e, e);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /**
   * Sets the user PIN of a token as its security officer (for a new key at the office, or a key
   * being reused), ending the agent's session on the token first. Both PINs are wiped before this
   * returns.
   *
   * @param reinitialise whether a user PIN that is already set may be replaced
   * @throws TokenException PIN_ALREADY_INITIALISED when the token has a user PIN and {@code
   *     reinitialise} is false (the SO PIN is then not tried), SO_PIN_INCORRECT or SO_PIN_LOCKED
   *     (with the SO PIN flags), USER_PIN_INVALID, TOKEN_NOT_FOUND
   */
  public synchronized void initUserPin(
      TokenSelector selector, char[] soPin, char[] userPin, boolean reinitialise) {
    byte[] newPin = new byte[userPin.length];
    try {
      Token token = directory.find(selector);
      if (token.userPinInitialised() && !reinitialise) {
        throw new TokenException(
            TokenException.Reason.PIN_ALREADY_INITIALISED,
            "The token's user PIN is already set; say reinitialise to replace it");
      }
      for (int i = 0; i < userPin.length; i++) {
        // As SunPKCS11 passes a PIN to C_Login: one byte per character (PINs are ASCII).
        newPin[i] = (byte) userPin[i];
      }
      endSessionsOf(token);
      try {
        directory.initUserPin(token, soPin, newPin);
      } catch (TokenException e) {
        if (e.reason() == TokenException.Reason.SO_PIN_INCORRECT
            || e.reason() == TokenException.Reason.SO_PIN_LOCKED) {
          LOG.warning(
              () ->
                  "Wrong security officer PIN for token "
                      + token.label()
                      + (e.reason() == TokenException.Reason.SO_PIN_LOCKED ? " (locked)" : ""));
        }
        throw e;
      }
      LOG.info(
          () ->
              "The security officer "
                  + (token.userPinInitialised() ? "reset" : "set")
                  + " the user PIN of token "
                  + token.label()
                  + " (serial "
                  + token.serial()
                  + ")");
    } finally {
      Arrays.fill(soPin, '\0');
      Arrays.fill(userPin, '\0');
      Arrays.fill(newPin, (byte) 0);
    }
  }

  /**
   * The open session with this id, marked as used now.
   *
   * @throws TokenException SESSION_UNKNOWN when there is none or it has been idle too long
   */
  public TokenSession session(String id) {
    TokenSession session = id == null ? null : sessions.get(id);
    if (session == null) {
      throw new TokenException(
          TokenException.Reason.SESSION_UNKNOWN, "No such session; log in to the token");
    }
    Instant now = clock.instant();
    if (idle(session, now)) {
      end(session);
      throw new TokenException(
          TokenException.Reason.SESSION_UNKNOWN,
          "The session ended after "
              + idleTimeout.toMinutes()
              + " minutes without use; log in again");
    }
    session.touch(now);
    return session;
  }

  public void logout(String id) {
    end(session(id));
  }

  /** Ends the sessions idle for longer than the timeout; the agent calls this periodically. */
  public void endIdleSessions() {
    Instant now = clock.instant();
    for (TokenSession session : new ArrayList<>(sessions.values())) {
      if (idle(session, now)) {
        LOG.info(() -> "Session on token " + session.token().label() + " ended: idle");
        end(session);
      }
    }
  }

  /** Generates a key pair on the session's token, if the token can make that kind. */
  public GeneratedKey generateKey(String sessionId, KeyAlgorithm algorithm, X500Name subject) {
    TokenSession session = session(sessionId);
    if (algorithm == KeyAlgorithm.SM2) {
      throw new TokenException(
          TokenException.Reason.ALGORITHM_UNSUPPORTED,
          "SM2 keys cannot be generated on this token through PKCS#11 (SM2 needs the key"
              + " vendor's SKF interface); choose RSA-2048 or EC-P256");
    }
    if (!directory.algorithms(session.token()).contains(algorithm)) {
      throw new TokenException(
          TokenException.Reason.ALGORITHM_UNSUPPORTED,
          "This token cannot generate " + algorithm.apiName() + " keys");
    }
    return session.generateKey(algorithm, subject);
  }

  /**
   * Installs the certificate with its chain next to its key on the session's token: the key
   * generated under {@code keyId}, or without it the key whose public key the certificate has.
   *
   * @see TokenSession#installCertificate
   */
  public Installation installCertificate(
      String sessionId,
      Optional<String> keyId,
      List<X509Certificate> chain,
      Optional<String> alias) {
    return session(sessionId).installCertificate(keyId, chain, alias);
  }

  /** Installs the certificate next to the key generated under {@code keyId}. */
  public StoredCertificate installCertificate(
      String sessionId, String keyId, List<X509Certificate> chain, Optional<String> alias) {
    return installCertificate(sessionId, Optional.of(keyId), chain, alias).certificate();
  }

  @Override
  public void close() {
    for (TokenSession session : new ArrayList<>(sessions.values())) {
      end(session);
    }
  }

  private boolean idle(TokenSession session, Instant now) {
    return session.lastUsed().plus(idleTimeout).isBefore(now);
  }

  private void end(TokenSession session) {
    sessions.remove(session.id(), session);
    session.close();
  }

  private void endSessionsOf(Token token) {
    for (TokenSession session : new ArrayList<>(sessions.values())) {
      if (session.token().sameAs(token)) {
        end(session);
      }
    }
  }

  private TokenException refusedPin(Token token, boolean locked) {
    PinState pin = directory.refresh(token).pinState();
    boolean isLocked = locked || pin.locked();
    LOG.warning(
        () ->
            "Wrong PIN for token "
                + token.label()
                + (isLocked ? " (PIN locked)" : pin.countLow() ? " (PIN count low)" : ""));
    return new TokenException(
        isLocked ? TokenException.Reason.PIN_LOCKED : TokenException.Reason.PIN_INCORRECT,
        isLocked ? "The PIN is locked" : "Wrong PIN",
        isLocked ? new PinState(pin.countLow(), pin.finalTry(), true) : pin,
        null);
  }

  private static void logoutQuietly(AuthProvider provider) {
    try {
      provider.logout();
    } catch (LoginException | ProviderException e) {
      LOG.log(Level.FINE, "Logout before login failed", e);
    }
  }
}
