package divak.report;

import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the spans handed to a reporter. Once the reporter has settled, every span is
 * counted exactly once: {@code reported + dropped + failed} equals the spans handed in.
 */
final class SpanCounts {
  /** Accepted by the collector (a 2xx answer). */
  final LongAdder reported = new LongAdder();
  /** Never sent: the queue was full, the span was larger than a message, or the reporter closed. */
  final LongAdder dropped = new LongAdder();
  /** Sent, but the collector refused them, answered with an error, or did not answer in time. */
  final LongAdder failed = new LongAdder();
}
