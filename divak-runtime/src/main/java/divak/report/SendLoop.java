package divak.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The body of a reporter's sender thread: takes a message's worth of spans from the queue (or
 * what is there when the interval ends, a flush is asked for or the reporter closes), turns it
 * into one request body, posts it, and counts the spans as reported or failed. A failed batch is
 * not retried (see RATIONALE.md). Ends when the queue is closed and empty.
 */
final class SendLoop implements Runnable {
  /** Turns a batch of encoded spans into one request body (a JSON list, an OTLP request). */
  @FunctionalInterface
  interface Body {
    byte[] of(List<byte[]> batch);
  }

  private final Logger log;
  private final String what;
  private final SpanQueue queue;
  private final SpanPoster poster;
  private final Body body;
  private final SpanCounts counts;
  private final long intervalNanos;
  private boolean failing;

  SendLoop(Logger log, String what, SpanQueue queue, SpanPoster poster, Body body,
      SpanCounts counts, long intervalNanos) {
    this.log = log;
    this.what = what;
    this.queue = queue;
    this.poster = poster;
    this.body = body;
    this.counts = counts;
    this.intervalNanos = intervalNanos;
  }

  @Override
  public void run() {
    List<byte[]> batch = new ArrayList<>();
    while (true) {
      batch.clear();
      try {
        queue.take(batch, intervalNanos);
      } catch (InterruptedException e) {
        // Only close() interrupts, after clearing the queue; the next take finds it closed.
      }
      if (batch.isEmpty()) {
        if (queue.isClosedAndEmpty()) return;
        continue;
      }
      send(batch);
    }
  }

  private void send(List<byte[]> batch) {
    int count = batch.size();
    String failure;
    try {
      int status = poster.post(body.of(batch));
      failure = status / 100 == 2 ? null : "HTTP status " + status;
    } catch (IOException | RuntimeException e) {
      failure = e.toString();
    } catch (InterruptedException e) {
      failure = "interrupted while closing";
    }
    if (failure == null) {
      counts.reported.add(count);
      if (failing) {
        failing = false;
        log.info("{} accepts spans again", what);
      }
    } else {
      counts.failed.add(count);
      if (!failing) {
        failing = true;
        log.warn("{} did not take {} spans ({}); spans are counted as failed until it does",
            what, count, failure);
      }
    }
    queue.settle(count);
  }
}
