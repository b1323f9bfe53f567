package divak.benchmarks.http;

import java.time.Duration;

/**
 * How long each phase of a run lasts. The full run measures; the smoke run only checks that every
 * mode starts, answers right, and delivers its spans and access lines.
 *
 * @param passes how often every mode runs, in interleaved order (odd passes forward, even reversed)
 * @param slice one warm-up slice of load on one endpoint
 * @param warmupCap the warm-up ends here even when the JIT has not settled
 * @param measure the load on each endpoint that is measured
 */
record Settings(String name, int passes, Duration slice, Duration warmupCap, Duration measure) {
  /** The JIT counts as settled when its threads used less than this share of the server's CPU. */
  static final double SETTLED_COMPILER_SHARE = 0.03;

  static final Settings FULL = new Settings("full", 2, Duration.ofSeconds(5),
      Duration.ofSeconds(90), Duration.ofSeconds(10));
  static final Settings SMOKE = new Settings("smoke", 1, Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(2));
}
