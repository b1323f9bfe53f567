package divak.benchmarks.http;

import java.time.Duration;

/**
 * How long each phase of a run lasts. The full run measures; the smoke run only checks that every
 * mode starts, answers right, and delivers its spans and access lines.
 *
 * @param startups how often each mode's startup is timed, in servers started for that alone
 * @param slice one warm-up slice of load on one endpoint
 * @param warmupCap the warm-up ends here even when the JIT has not settled
 * @param rounds how often every mode's endpoints are measured, in interleaved bursts
 * @param measure one burst of load on one endpoint
 * @param gap the pause after a burst, in which the measured server sends what it queued
 */
record Settings(String name, int startups, Duration slice, Duration warmupCap, int rounds,
    Duration measure, Duration gap) {
  /** The JIT counts as settled when its threads used less than this share of the server's CPU. */
  static final double SETTLED_COMPILER_SHARE = 0.03;

  static final Settings FULL = new Settings("full", 3, Duration.ofSeconds(5),
      Duration.ofSeconds(90), 6, Duration.ofSeconds(5), Duration.ofSeconds(1));
  static final Settings SMOKE = new Settings("smoke", 1, Duration.ofSeconds(1),
      Duration.ofSeconds(2), 2, Duration.ofSeconds(1), Duration.ofMillis(200));

  Settings withRounds(int n) {
    return new Settings(name, startups, slice, warmupCap, n, measure, gap);
  }
}
