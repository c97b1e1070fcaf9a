package cn.cwca.portal.bench;

import java.util.Map;

/** What the benchmarks read of the CPU the server's JVM and PostgreSQL's processes used (Linux). */
final class CpuTime {

  private CpuTime() {}

  /** The CPU model the machine reports (Linux), for the reports' headers. */
  static String cpuModel() {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown CPU");
    } catch (java.io.IOException e) {
      return "unknown CPU";
    }
  }

  /** CPU nanoseconds the server's JVM has used. */
  static long jvmCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /**
   * User and system CPU ticks (100 per second) of each process named postgres, by process id (Linux
   * /proc; empty where it cannot be read). A backend that ends between two readings loses its
   * share: the figure can only be low, never negative.
   */
  static Map<String, Long> databaseCpuTicks() {
    Map<String, Long> ticks = new java.util.HashMap<>();
    java.io.File[] processes = new java.io.File("/proc").listFiles();
    if (processes == null) {
      return ticks;
    }
    for (java.io.File process : processes) {
      if (!process.getName().chars().allMatch(Character::isDigit)) {
        continue;
      }
      try {
        String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        ticks.put(process.getName(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
      } catch (java.io.IOException | RuntimeException gone) {
        // the process ended while being read
      }
    }
    return ticks;
  }
}
