package cn.cwca.portal.certificate;

import cn.cwca.portal.ca.CertificateStatus;
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
import java.util.function.Supplier;

/**
 * The OCSP answers of this server, and the certificate statuses they are made of, for a short time
 * ({@value #SECONDS_SETTING}, {@value #DEFAULT_SECONDS} s by default; 0 turns it off). Answers are
 * kept without a nonce, by the certificates a request asks about: a request for the same
 * certificates again gets the same signed answer instead of a registry query and a signature, so a
 * flood of such requests costs little. A request with a nonce is answered afresh, echoing it, while
 * {@link OcspSignatureBudget} allows, with statuses from here rather than the registry; under load
 * its nonce is ignored and it is answered from here too.
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

  /** Statuses kept at most (a few dozen bytes each). */
  static final int MAX_STATUSES = 65536;

  private record Entry(byte[] answer, Instant until) {}

  private final Map<ByteBuffer, Entry> answers = new ConcurrentHashMap<>();

  private record Status(CertificateStatus status, Instant until) {}

  /** Known statuses (good, revoked) by issuer key id and serial. */
  private final Map<String, Status> statuses = new ConcurrentHashMap<>();

  /** Goes up with each revocation: an answer computed before it is not stored after it. */
  private final AtomicLong generation = new AtomicLong();

  Clock clock = Clock.systemUTC();

  /** A ticket for one request: what {@link #store} needs to keep its answer. */
  public record Ticket(ByteBuffer key, long generation) {}

  /**
   * The request's ticket, to take before its answer is computed.
   *
   * @param request what the answer depends on: the DER of the certificates the request asks about
   */
  public Ticket ticket(byte[] request) {
    return new Ticket(key(request), generation.get());
  }

  /**
   * The status of a certificate: kept, or from {@code lookup} and then kept when it is good or
   * revoked (unknown is not kept: a flood of made-up serials is bounded by {@link
   * OcspSignatureBudget} instead). A revocation forgets every status, and one looked up while it
   * commits is not kept.
   */
  public CertificateStatus status(
      String issuerKeyId, String serialHex, Supplier<CertificateStatus> lookup) {
    String key = issuerKeyId + "/" + serialHex;
    Instant now = clock.instant();
    Status kept = statuses.get(key);
    if (kept != null && now.isBefore(kept.until())) {
      return kept.status();
    }
    long before = generation.get();
    CertificateStatus status = lookup.get();
    Duration keep = keep();
    if (status == CertificateStatus.unknown() || keep.isZero() || before != generation.get()) {
      return status;
    }
    if (statuses.size() >= MAX_STATUSES) {
      statuses.values().removeIf(s -> !now.isBefore(s.until()));
      if (statuses.size() >= MAX_STATUSES) {
        return status;
      }
    }
    statuses.put(key, new Status(status, now.plus(keep)));
    if (before != generation.get()) {
      statuses.remove(key); // a revocation came while storing
    }
    return status;
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
    Duration keep = keep();
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
    statuses.clear();
  }

  private static Duration keep() {
    return Duration.ofSeconds(Settings.nonNegative(SECONDS_SETTING, DEFAULT_SECONDS));
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
