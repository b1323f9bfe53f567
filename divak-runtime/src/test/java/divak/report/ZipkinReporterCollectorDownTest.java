package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import divak.testing.Await;
import divak.testing.Ports;
import divak.testing.ZipkinSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A collector that is down, hangs, or comes back never costs the callers more than a queue append. */
class ZipkinReporterCollectorDownTest {
  static final int THREADS = 4;
  static final int SPANS = 10_000;
  final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closeables) closeable.close();
  }

  @Test
  void noCollectorListening_everySpanIsCountedAndTheQueueStaysWithinItsBound() throws Exception {
    Ports.Refusing refusing = Ports.refusing(); // held until the end of the test
    closeables.add(refusing);
    int port = refusing.port();
    int maxBytes = 64 * 1024;
    ZipkinReporter reporter = ZipkinReporter.builder("http://127.0.0.1:" + port + "/api/v2")
        .queuedMaxBytes(maxBytes).messageMaxBytes(16 * 1024).build();
    Sampler sampler = new Sampler(reporter);

    Queue<Throwable> thrown = report(reporter, THREADS, SPANS / THREADS);
    reporter.close();
    sampler.stop();

    assertThat(thrown).isEmpty();
    Await.until("every span is counted", () -> settled(reporter) == SPANS);
    assertThat(reporter.spansReported()).isZero();
    assertThat(reporter.spansFailed()).isPositive(); // the sender did try: connection refused
    assertThat(reporter.queuedBytesHighWaterMark()).isLessThanOrEqualTo(maxBytes);
    assertThat(sampler.maxQueuedBytes.get()).isLessThanOrEqualTo(maxBytes);
    assertThat(reporter.queuedSpans()).isZero();
  }

  @Test
  void collectorThatNeverAnswers_callersFinishWhileTheSenderIsStuck() throws Exception {
    try (SilentCollector collector = new SilentCollector()) {
      int maxBytes = 64 * 1024;
      ZipkinReporter reporter = ZipkinReporter.builder(collector.baseUrl())
          .queuedMaxBytes(maxBytes)
          .messageTimeout(Duration.ofMillis(10))
          .requestTimeout(Duration.ofMinutes(10)) // longer than the test: the sender stays stuck
          .closeTimeout(Duration.ofMillis(200))
          .build();
      // Get the sender stuck in a request first.
      reporter.report(ZipkinReporterTest.span(-1));
      assertThat(collector.connected.await(60, TimeUnit.SECONDS)).isTrue();

      Queue<Throwable> thrown = report(reporter, THREADS, SPANS / THREADS);

      // Every call returned although the one sending thread has not finished one request.
      assertThat(thrown).isEmpty();
      assertThat(reporter.spansReported() + reporter.spansFailed()).isZero();
      assertThat(collector.connections.get()).isEqualTo(1);
      assertThat(reporter.queuedBytes()).isLessThanOrEqualTo(maxBytes);
      assertThat(reporter.spansDropped()).isPositive(); // 10,000 spans do not fit in 64 KiB

      // Closing gives up on the stuck request after the close timeout, not the request timeout.
      reporter.close();

      Await.until("every span is counted", () -> settled(reporter) == SPANS + 1);
      assertThat(reporter.spansFailed()).isEqualTo(1); // the span in flight
      assertThat(reporter.spansReported()).isZero();
      assertThat(reporter.queuedBytesHighWaterMark()).isLessThanOrEqualTo(maxBytes);
    }
  }

  @Test
  void collectorThatComesBack_laterSpansArrive() throws Exception {
    try (ZipkinSink sink = ZipkinSink.start()) {
      ZipkinReporter reporter = ZipkinReporter.builder(sink.baseUrl())
          .messageTimeout(Duration.ofMillis(10)).build();
      reporter.report(ZipkinReporterTest.span(1));
      reporter.flush();
      assertThat(sink.spans()).hasSize(1);

      sink.stop();
      for (int i = 2; i <= 100; i++) reporter.report(ZipkinReporterTest.span(i));
      reporter.flush();
      assertThat(reporter.spansFailed()).isPositive();

      sink.restart();
      // The first request after the restart may still meet a connection the collector closed;
      // report until spans arrive.
      int[] next = {1_000};
      Await.until("spans reported after the collector returned arrive", () -> {
        reporter.report(ZipkinReporterTest.span(next[0]++));
        reporter.flush();
        return sink.spans().stream()
            .anyMatch(s -> Integer.parseInt(s.tags().get("span.index")) >= 1_000);
      });
      for (int i = 0; i < 50; i++) reporter.report(ZipkinReporterTest.span(10_000 + i));
      reporter.close();

      assertThat(sink.spans().stream().map(s -> Integer.parseInt(s.tags().get("span.index"))))
          .contains(1)
          .doesNotContainAnyElementsOf(range(2, 100)) // failed, not retried
          .containsAll(range(10_000, 10_049));
      assertThat(settled(reporter)).isEqualTo(100 + (next[0] - 1_000) + 50);
      assertThat(reporter.spansReported()).isEqualTo(sink.spans().size());
    }
  }

  /** Reports from {@code threads} threads at once; returns anything report threw. */
  static Queue<Throwable> report(Reporter reporter, int threads, int perThread)
      throws InterruptedException {
    Queue<Throwable> thrown = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> producers = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * perThread;
      Thread producer = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < perThread; i++) reporter.report(ZipkinReporterTest.span(offset + i));
        } catch (Throwable e) {
          thrown.add(e);
        }
      }, "producer-" + t);
      producers.add(producer);
      producer.start();
    }
    start.countDown();
    for (Thread producer : producers) producer.join();
    return thrown;
  }

  static long settled(ZipkinReporter reporter) {
    return reporter.spansReported() + reporter.spansDropped() + reporter.spansFailed();
  }

  static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** Samples the queue's bytes while the test runs. */
  static final class Sampler {
    final AtomicLong maxQueuedBytes = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    Sampler(ZipkinReporter reporter) {
      thread = new Thread(() -> {
        while (running) {
          maxQueuedBytes.accumulateAndGet(reporter.queuedBytes(), Math::max);
          Thread.onSpinWait();
        }
      }, "queue-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  /** Accepts connections, reads what is sent, and never answers. */
  static final class SilentCollector implements AutoCloseable {
    final CountDownLatch connected = new CountDownLatch(1);
    final AtomicLong connections = new AtomicLong();
    private final ServerSocket server;
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();

    SilentCollector() throws IOException {
      server = Ports.listening();
      Thread acceptor = new Thread(this::accept, "silent-collector");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/api/v2";
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          sockets.add(socket);
          connections.incrementAndGet();
          connected.countDown();
          Thread reader = new Thread(() -> drain(socket), "silent-collector-reader");
          reader.setDaemon(true);
          reader.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private static void drain(Socket socket) {
      byte[] buffer = new byte[8192];
      try (InputStream in = socket.getInputStream()) {
        while (in.read(buffer) >= 0) {
          // read and never answer
        }
      } catch (IOException e) {
        // closed
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : sockets) socket.close();
    }
  }
}
