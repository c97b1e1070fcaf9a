package cn.cwca.portal.certificate;

import cn.cwca.portal.common.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OCSP answers of this server for a short time ({@value #SECONDS_SETTING}, {@value
 * #DEFAULT_SECONDS} s by default; 0 turns it off): the same request again (a client without a nonce
 * asks the same bytes every time) gets the same signed answer instead of a registry query and a
 * signature, so a flood of such requests costs little. A request with a nonce is new every time and
 * always answered afresh.
 *
 * <p>A revocation committed on this server empties the cache at once; another server of a cluster
 * answers from its own cache for at most the configured time, the staleness every OCSP client
 * accepts within a response's validity. An answer computed while a revocation commits is not kept.
 * At most {@value #MAX_ENTRIES} answers are kept.
 */
@ApplicationScoped
public class OcspAnswerCache {

  /** Seconds an answer is kept. */
  public static final String SECONDS_SETTING = "caportal.ocsp.cacheSeconds";

  public static final int DEFAULT_SECONDS = 10;

  /** Answers kept at most (a few KB each). */
  static final int MAX_ENTRIES = 4096;

  private record Entry(byte[] answer, Instant until) {}

  private final Map<ByteBuffer, Entry> answers = new ConcurrentHashMap<>();

  /** Goes up with each revocation: an answer computed before it is not stored after it. */
  private final AtomicLong generation = new AtomicLong();

  Clock clock = Clock.systemUTC();

  /** A ticket for one request: what {@link #store} needs to keep its answer. */
  public record Ticket(ByteBuffer key, long generation) {}

  /** The request's ticket, to take before its answer is computed. */
  public Ticket ticket(byte[] request) {
    return new Ticket(key(request), generation.get());
  }

  /** The kept answer to the request, if it is still fresh. */
  public Optional<byte[]> cached(Ticket ticket) {
    Entry entry = answers.get(ticket.key());
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.until())) {
      answers.remove(ticket.key(), entry);
      return Optional.empty();
    }
    return Optional.of(entry.answer().clone());
  }

  /** Keeps an answer, unless a revocation came after the ticket was taken or caching is off. */
  public void store(Ticket ticket, byte[] answer) {
    Duration keep = Duration.ofSeconds(Settings.nonNegative(SECONDS_SETTING, DEFAULT_SECONDS));
    if (keep.isZero() || ticket.generation() != generation.get()) {
      return;
    }
    if (answers.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      answers.values().removeIf(e -> !now.isBefore(e.until()));
      if (answers.size() >= MAX_ENTRIES) {
        return;
      }
    }
    answers.put(ticket.key(), new Entry(answer.clone(), clock.instant().plus(keep)));
    if (ticket.generation() != generation.get()) {
      answers.remove(ticket.key()); // a revocation came while storing
    }
  }

  /** Forgets every answer: a certificate was revoked (after its transaction committed). */
  public void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
    forgetAll();
  }

  void forgetAll() {
    generation.incrementAndGet();
    answers.clear();
  }

  int size() {
    return answers.size();
  }

  private static ByteBuffer key(byte[] request) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(request));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A certificate was revoked. */
  public record CertificateRevoked(String serialHex) {}
}
