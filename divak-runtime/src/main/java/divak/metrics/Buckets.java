package divak.metrics;

/**
 * The fixed latency buckets, the defaults of the Prometheus clients: 5 ms to 10 s. Fixed so that
 * every divak service can be aggregated with every other, and so that recording is a scan of a
 * small constant array.
 */
final class Buckets {
  /** Upper bounds in nanoseconds, ascending; a last, implicit bucket is +Inf. */
  static final long[] UPPER_NANOS = {
      5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 75_000_000L,
      100_000_000L, 250_000_000L, 500_000_000L, 750_000_000L,
      1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 7_500_000_000L, 10_000_000_000L
  };

  /** The {@code le} label values, as Prometheus writes them, then {@code +Inf}. */
  static final String[] LE = {
      "0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75",
      "1", "2.5", "5", "7.5", "10", "+Inf"
  };

  /** Number of buckets, +Inf included. */
  static final int COUNT = UPPER_NANOS.length + 1;

  /** The bucket a duration falls in: the first whose upper bound is at least the duration. */
  static int index(long nanos) {
    // A linear scan: 14 predictable comparisons beat a binary search at this size, and most
    // requests land in the first few buckets.
    long[] upper = UPPER_NANOS;
    for (int i = 0; i < upper.length; i++) {
      if (nanos <= upper[i]) return i;
    }
    return upper.length;
  }

  private Buckets() {
  }
}
