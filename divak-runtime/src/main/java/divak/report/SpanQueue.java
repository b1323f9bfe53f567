package divak.report;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the threads that finish spans and the sender: encoded spans, bounded both by
 * count and by bytes (the sum of the encoded sizes).
 *
 * <p>{@link #offer} never waits for the sender: it takes the lock only to append, and refuses a
 * span that does not fit. The sender {@linkplain #take takes} one message's worth at a time. The
 * queue also keeps the totals that {@code flush()} and {@code close()} wait on: spans accepted,
 * taken by the sender, and settled (sent, failed or cleared).
 */
final class SpanQueue {
  private final int maxSpans;
  private final long maxBytes;
  private final int messageMaxBytes;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a message's worth is queued, on flush and on close. */
  private final Condition ready = lock.newCondition();
  /** Signalled when spans are settled. */
  private final Condition settledChanged = lock.newCondition();
  private final ArrayDeque<byte[]> spans = new ArrayDeque<>();
  private long bytes;
  private long highWaterBytes;
  private long accepted;
  private long taken;
  private long settled;
  private long flushTarget;
  private boolean closed;
  /** A span was refused since the sender last took: send what is queued now. */
  private boolean refusedSinceTake;

  SpanQueue(int maxSpans, long maxBytes, int messageMaxBytes) {
    this.maxSpans = maxSpans;
    this.maxBytes = maxBytes;
    this.messageMaxBytes = messageMaxBytes;
  }

  /** Appends the span unless the queue is full or closed; never waits for the sender. */
  boolean offer(byte[] span) {
    lock.lock();
    try {
      if (closed) return false;
      if (spans.size() >= maxSpans || bytes + span.length > maxBytes) {
        // Full, though maybe less than a message's worth (large spans, queuedMaxBytes below
        // messageMaxBytes): wake the sender rather than let it sleep while spans are dropped.
        if (!spans.isEmpty() && !refusedSinceTake) {
          refusedSinceTake = true;
          ready.signal();
        }
        return false;
      }
      spans.addLast(span);
      bytes += span.length;
      accepted++;
      if (bytes > highWaterBytes) highWaterBytes = bytes;
      if (readyToSend()) ready.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code waitNanos} until a message's worth is queued, a flush is asked for or the
   * queue is closed; then moves the oldest spans, as many as fit in one message (at least one),
   * into {@code batch}. Returns with an empty batch when nothing was queued.
   */
  void take(List<byte[]> batch, long waitNanos) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      long remaining = waitNanos;
      while (!closed && flushTarget <= taken && !readyToSend() && remaining > 0) {
        remaining = ready.awaitNanos(remaining);
      }
      int size = 1; // [ and ], less the comma the first span does not have
      while (!spans.isEmpty()) {
        byte[] next = spans.peekFirst();
        if (!batch.isEmpty() && size + next.length + 1 > messageMaxBytes) break;
        size += next.length + 1;
        spans.pollFirst();
        bytes -= next.length;
        batch.add(next);
      }
      taken += batch.size();
      refusedSinceTake = false;
    } finally {
      lock.unlock();
    }
  }

  /** Records that {@code count} taken spans were sent or failed; wakes flush and close. */
  void settle(int count) {
    lock.lock();
    try {
      settled += count;
      settledChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Asks the sender to send what is queued now; returns the total to wait for. */
  long requestFlush() {
    lock.lock();
    try {
      flushTarget = accepted;
      ready.signal();
      return accepted;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code total} spans are settled; false when the time ran out first. */
  boolean awaitSettled(long total, long waitNanos) throws InterruptedException {
    lock.lock();
    try {
      long remaining = waitNanos;
      while (settled < total && remaining > 0) remaining = settledChanged.awaitNanos(remaining);
      return settled >= total;
    } finally {
      lock.unlock();
    }
  }

  /** Refuses further spans and wakes the sender, which then sends the rest without waiting. */
  void close() {
    lock.lock();
    try {
      closed = true;
      ready.signal();
    } finally {
      lock.unlock();
    }
  }

  boolean isClosedAndEmpty() {
    lock.lock();
    try {
      return closed && spans.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** Removes every queued span and returns how many there were. */
  int clear() {
    lock.lock();
    try {
      int count = spans.size();
      spans.clear();
      bytes = 0;
      taken += count;
      settled += count;
      settledChanged.signalAll();
      return count;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return spans.size();
    } finally {
      lock.unlock();
    }
  }

  long bytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  /** The most bytes ever queued at once. */
  long highWaterBytes() {
    lock.lock();
    try {
      return highWaterBytes;
    } finally {
      lock.unlock();
    }
  }

  // A message's worth is queued, or the queue is full (or refused a span): send now rather than
  // at the interval.
  private boolean readyToSend() {
    int count = spans.size();
    return count > 0 && (refusedSinceTake
        || bytes + count + 1 >= Math.min(messageMaxBytes, maxBytes) || count >= maxSpans);
  }
}
