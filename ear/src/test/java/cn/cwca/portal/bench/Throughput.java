package cn.cwca.portal.bench;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code count} numbered calls from a number of container-managed threads, each taking the
 * next number until none is left, and measures the rate and the CPU each call cost the server's JVM
 * and PostgreSQL. The threads come from a pool of exactly that size (the default managed executor
 * would run fewer at once); they carry the context of the thread that starts them.
 */
final class Throughput {

  /** One numbered call. */
  @FunctionalInterface
  interface Call {
    void run(int n) throws Exception;
  }

  /** What finishes the work after the last call returned (the audit chain catching up). */
  @FunctionalInterface
  interface Completion {
    void await() throws Exception;
  }

  /**
   * @param perSecond calls per second until the work was finished
   * @param callsPerSecond calls per second until the last call returned
   * @param cpuMicros the CPU microseconds per call, "JVM+PostgreSQL", until the work was finished
   */
  record Figure(double perSecond, double callsPerSecond, String cpuMicros) {}

  private Throughput() {}

  static Figure run(ManagedThreadFactory threads, int threadCount, int count, Call call)
      throws Exception {
    return run(threads, threadCount, count, call, () -> {});
  }

  static Figure run(
      ManagedThreadFactory threads, int threadCount, int count, Call call, Completion completion)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    ExecutorService executor = Executors.newFixedThreadPool(threadCount, threads);
    try {
      long jvmBefore = CpuTime.jvmCpuNanos();
      Map<String, Long> databaseBefore = CpuTime.databaseCpuTicks();
      long start = System.nanoTime();
      for (int i = 0; i < threadCount; i++) {
        workers.add(
            executor.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    call.run(n);
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      double callSeconds = (System.nanoTime() - start) / 1e9;
      completion.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      long jvm = CpuTime.jvmCpuNanos() - jvmBefore;
      long database = 0;
      for (Map.Entry<String, Long> after : CpuTime.databaseCpuTicks().entrySet()) {
        database += after.getValue() - databaseBefore.getOrDefault(after.getKey(), 0L);
      }
      return new Figure(
          count / seconds,
          count / callSeconds,
          String.format(
              Locale.ROOT, "%.0f+%.0f", jvm / 1e3 / count, database * 10_000_000.0 / 1e3 / count));
    } finally {
      executor.shutdown();
    }
  }
}
