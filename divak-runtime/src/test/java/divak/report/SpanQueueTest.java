package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SpanQueueTest {

  /**
   * A queue whose byte limit is below one message's worth fills up with large spans before a
   * message is due. The span it refuses wakes the sender: take() returns at once with what is
   * queued instead of sleeping the whole message timeout while later spans are dropped. (The
   * timeout only guards against a hang; a broken queue blocks for an hour.)
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aRefusedSpanWakesTheSender() throws Exception {
    SpanQueue queue = new SpanQueue(100, 1_000, 10_000);
    assertThat(queue.offer(new byte[600])).isTrue();
    assertThat(queue.offer(new byte[600])).as("does not fit in 1,000 bytes").isFalse();

    List<byte[]> batch = new ArrayList<>();
    queue.take(batch, TimeUnit.HOURS.toNanos(1));

    assertThat(batch).hasSize(1);
    assertThat(queue.offer(new byte[600])).as("room again").isTrue();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aFullQueueByCountWakesTheSenderToo() throws Exception {
    SpanQueue queue = new SpanQueue(2, 1_000_000, 10_000_000);
    assertThat(queue.offer(new byte[10])).isTrue();
    assertThat(queue.offer(new byte[10])).isTrue();
    assertThat(queue.offer(new byte[10])).isFalse();

    List<byte[]> batch = new ArrayList<>();
    queue.take(batch, TimeUnit.HOURS.toNanos(1));

    assertThat(batch).hasSize(2);
  }
}
