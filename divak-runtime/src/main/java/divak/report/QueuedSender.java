package divak.report;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What the Zipkin and OTLP reporters share: the bounded {@link SpanQueue} of encoded spans, the
 * counts, and the sender thread that batches, posts and settles them. {@link #offer} never waits
 * and never throws; {@link #flush} and {@link #close} wait at most the close timeout. A reporter
 * only encodes one span and says how a batch becomes a request body.
 */
final class QueuedSender {
  private static final long AFTER_INTERRUPT_MILLIS = 1_000;

  private final Logger log;
  private final String what;
  private final int messageMaxBytes;
  private final long closeTimeoutNanos;
  private final SpanQueue queue;
  private final SpanCounts counts = new SpanCounts();
  private final Thread sender;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param what names the receiver in log lines, such as "Zipkin collector http://..."
   * @param body turns a batch of encoded spans into one request body
   */
  QueuedSender(Logger log, String what, String threadName, SpanPoster poster,
      SendLoop.Body body, int queuedMaxSpans, int queuedMaxBytes, int messageMaxBytes,
      Duration messageTimeout, Duration closeTimeout) {
    this.log = log;
    this.what = what;
    this.messageMaxBytes = messageMaxBytes;
    this.closeTimeoutNanos = closeTimeout.toNanos();
    this.queue = new SpanQueue(queuedMaxSpans, queuedMaxBytes, messageMaxBytes);
    this.sender = new Thread(
        new SendLoop(log, what, queue, poster, body, counts, messageTimeout.toNanos()), threadName);
    sender.setDaemon(true);
  }

  void start() {
    sender.start();
  }

  /**
   * Encodes the span with {@code encoder} and queues it, or drops and counts it (after close, or
   * when it cannot be encoded); never waits and never throws. Both reporters report through here.
   */
  void report(FinishedSpan span, Function<FinishedSpan, byte[]> encoder) {
    if (closed.get()) {
      counts.dropped.increment();
      return;
    }
    byte[] encoded;
    try {
      encoded = encoder.apply(span);
    } catch (RuntimeException e) {
      counts.dropped.increment();
      return;
    }
    offer(encoded);
  }

  /** Queues one encoded span, or drops and counts it; never waits. */
  void offer(byte[] encoded) {
    if (closed.get() || encoded.length + 2 > messageMaxBytes || !queue.offer(encoded)) {
      counts.dropped.increment();
    }
  }

  /** Sends what is queued now and waits until it is settled, at most the close timeout. */
  void flush() {
    if (closed.get()) return;
    long total = queue.requestFlush();
    try {
      queue.awaitSettled(total, closeTimeoutNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Refuses further spans, sends what is queued within the close timeout, stops the thread. */
  void close() {
    if (!closed.compareAndSet(false, true)) return;
    queue.close();
    if (!sender.isAlive()) { // it ended early, or never started: only an Error can do that
      counts.dropped.add(queue.clear());
      return;
    }
    try {
      sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(closeTimeoutNanos)));
      if (sender.isAlive()) {
        int left = queue.clear();
        counts.dropped.add(left);
        log.warn("reporter for {} closed before it could send {} queued spans within {} ms;"
            + " they are dropped", what, left, TimeUnit.NANOSECONDS.toMillis(closeTimeoutNanos));
        sender.interrupt();
        sender.join(AFTER_INTERRUPT_MILLIS);
      }
    } catch (InterruptedException e) {
      counts.dropped.add(queue.clear());
      sender.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  long reported() {
    return counts.reported.sum();
  }

  long droppedCount() {
    return counts.dropped.sum();
  }

  long failed() {
    return counts.failed.sum();
  }

  int queuedSpans() {
    return queue.size();
  }

  long queuedBytes() {
    return queue.bytes();
  }

  long queuedBytesHighWaterMark() {
    return queue.highWaterBytes();
  }
}
