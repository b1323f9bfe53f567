package divak.benchmarks;

import static divak.benchmarks.Workload.check;

import divak.report.FinishedSpan;
import divak.report.ZipkinReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Row 6: spans per second that {@link ZipkinReporter} encodes, queues and POSTs to a collector on
 * 127.0.0.1 ({@link LoopbackSink}), with 2 producer threads calling {@code report}.
 *
 * <p>The score counts a span only if it is queued, not dropped: every 64 spans a producer pauses
 * while the queue is more than three quarters full (by spans or by bytes). Without that pause the
 * producers would outrun the sender and the score would count dropped spans, which cost almost
 * nothing, as work done. So the score is the rate of the slower side, producers or sender, and
 * any drop means the reporter dropped a span while the queue had room: the iteration fails.
 *
 * <p>After each iteration the reporter is flushed and the collector must have received exactly
 * the spans the reporter counts as reported, none failed, none dropped. The counts are printed
 * and, when {@code -Ddivak.bench.reporterStats=FILE} is set, appended to FILE for the report.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReporterBenchmarks {
  static final int QUEUED_MAX_SPANS = 10_000;
  static final int QUEUED_MAX_BYTES = 4 * 1024 * 1024;

  @Benchmark
  @Threads(2)
  public void divak(Collector c, Producer p) {
    if ((++p.reported & 63) == 0) c.pauseWhileQueueIsFull();
    c.reporter.report(c.span);
  }

  /** One producer's count, for the pause. */
  @State(Scope.Thread)
  public static class Producer {
    long reported;
  }

  /** The sink, the reporter and the per-iteration checks. */
  @State(Scope.Benchmark)
  public static class Collector {
    LoopbackSink sink;
    ZipkinReporter reporter;
    FinishedSpan span;
    int spanBytes;
    long iterationStart;
    long sinkSpansAtStart;
    long reportedAtStart;
    long droppedAtStart;
    long failedAtStart;
    boolean measuring;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      sink = new LoopbackSink();
      reporter = ZipkinReporter.builder(sink.baseUrl())
          .queuedMaxSpans(QUEUED_MAX_SPANS)
          .queuedMaxBytes(QUEUED_MAX_BYTES)
          .build();
      span = Spans.divakServerSpan();
      spanBytes = divak.report.ZipkinJson.encode(span).length;
      // The round trip works before anything is measured.
      for (int i = 0; i < 100; i++) reporter.report(span);
      reporter.flush();
      check(sink.spans(spanBytes) == 100 && reporter.spansReported() == 100,
          "sink received " + sink.spans(spanBytes) + " spans, reporter reported "
              + reporter.spansReported() + ", of 100");
    }

    void pauseWhileQueueIsFull() {
      while (reporter.queuedSpans() > QUEUED_MAX_SPANS * 3 / 4
          || reporter.queuedBytes() > QUEUED_MAX_BYTES * 3L / 4) {
        LockSupport.parkNanos(20_000);
      }
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
      measuring = params.getType() == IterationType.MEASUREMENT;
      reporter.flush();
      sinkSpansAtStart = sink.spans(spanBytes);
      reportedAtStart = reporter.spansReported();
      droppedAtStart = reporter.spansDropped();
      failedAtStart = reporter.spansFailed();
      iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
      long sendingNanos = System.nanoTime() - iterationStart;
      reporter.flush();
      long elapsedNanos = System.nanoTime() - iterationStart;
      long received = sink.spans(spanBytes) - sinkSpansAtStart;
      long reported = reporter.spansReported() - reportedAtStart;
      long dropped = reporter.spansDropped() - droppedAtStart;
      long failed = reporter.spansFailed() - failedAtStart;
      String stats = String.format(
          "{\"measurement\":%s,\"received\":%d,\"reported\":%d,\"dropped\":%d,\"failed\":%d,\"seconds\":%.3f,"
              + "\"secondsUntilFlushed\":%.3f,\"spanBytes\":%d,\"requests\":%d}",
          measuring, received, reported, dropped, failed, sendingNanos / 1e9, elapsedNanos / 1e9, spanBytes,
          sink.requests.get());
      System.out.println("reporter iteration: " + stats);
      String file = System.getProperty("divak.bench.reporterStats");
      if (file != null) {
        try {
          Files.write(Path.of(file), (stats + "\n").getBytes(StandardCharsets.UTF_8),
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      check(received > 0, "the collector received no spans");
      check(dropped == 0, dropped + " spans dropped while the queue had room");
      check(failed == 0, failed + " spans failed to send");
      check(received == reported, "the collector received " + received
          + " spans, the reporter counts " + reported + " as reported");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      reporter.close();
      sink.close();
    }
  }
}
