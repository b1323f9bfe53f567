package divak.benchmarks.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the server answered, counted by the resource itself, so that the driver knows how many
 * spans and access lines to expect without trusting {@code wrk}'s totals (which leave out the
 * requests still in flight when it stops).
 */
public final class RequestCounts {
  final LongAdder orders = new LongAdder();
  final LongAdder lines = new LongAdder();

  RequestCounts() {
  }
}
