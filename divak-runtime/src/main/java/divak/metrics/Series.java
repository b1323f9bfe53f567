package divak.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * One labelled series of a route: the requests that ended with one status. Holds the histogram
 * buckets (not cumulative; the exposition adds them up), the sum of durations and the errors.
 * The request count is the sum of the buckets, so the counter and the histogram always agree.
 */
final class Series {
  final int status;
  final String statusLabel;
  private final LongAdder[] buckets = new LongAdder[Buckets.COUNT];
  private final LongAdder sumNanos = new LongAdder();
  private final LongAdder errors = new LongAdder();

  Series(int status) {
    this.status = status;
    this.statusLabel = Integer.toString(status);
    for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
  }

  void record(long durationNanos, boolean error) {
    long nanos = Math.max(durationNanos, 0);
    buckets[Buckets.index(nanos)].increment();
    sumNanos.add(nanos);
    if (error) errors.increment();
  }

  /** Reads the counts once, so that one scrape shows one consistent set of buckets. */
  Snapshot snapshot() {
    long[] counts = new long[buckets.length];
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = buckets[i].sum();
      total += counts[i];
    }
    return new Snapshot(counts, total, errors.sum(), sumNanos.sum());
  }

  /** Counts read at one scrape. {@code buckets} are per bucket, not cumulative. */
  record Snapshot(long[] buckets, long count, long errors, long sumNanos) {
  }
}
