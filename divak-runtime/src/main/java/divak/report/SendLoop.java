package divak.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the reporter's sender thread: takes a message's worth of spans from the queue
 * (or what is there when the interval ends, a flush is asked for or the reporter closes), posts
 * it, and counts the spans as reported or failed. A failed batch is not retried (see
 * RATIONALE.md). Ends when the queue is closed and empty.
 */
final class SendLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ZipkinReporter.class);

  private final SpanQueue queue;
  private final SpanPoster poster;
  private final SpanCounts counts;
  private final long intervalNanos;
  private boolean failing;

  SendLoop(SpanQueue queue, SpanPoster poster, SpanCounts counts, long intervalNanos) {
    this.queue = queue;
    this.poster = poster;
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
      int status = poster.post(ZipkinJson.encodeList(batch));
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
        LOG.info("Zipkin collector {} accepts spans again", poster.uri());
      }
    } else {
      counts.failed.add(count);
      if (!failing) {
        failing = true;
        LOG.warn("Zipkin collector {} did not take {} spans ({}); spans are counted as failed"
            + " until it does", poster.uri(), count, failure);
      }
    }
    queue.settle(count);
  }
}
