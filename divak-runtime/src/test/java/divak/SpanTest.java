package divak;

import static org.assertj.core.api.Assertions.assertThat;

import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SpanTest {
  final AtomicLong now = new AtomicLong(1_700_000_000_000_123L);
  final InMemoryReporter reporter = Reporter.inMemory();
  final Divak divak = Divak.builder()
      .serviceName("orders")
      .clock(now::get)
      .reporter(reporter)
      .build();

  @Test
  void recordsNameKindTagsAnnotationsAndTiming() {
    Span span = divak.startSpan("get /orders/{id}", Span.Kind.SERVER, null);
    span.tag("s", "v").tag("l", 5_000_000_000L).tag("i", 42).tag("b", true).tag("d", 0.25);
    now.addAndGet(15);
    span.annotate("cache.miss");
    now.addAndGet(985);
    span.finish();

    FinishedSpan finished = only();
    assertThat(finished.name()).isEqualTo("get /orders/{id}");
    assertThat(finished.kind()).isEqualTo(Span.Kind.SERVER);
    assertThat(finished.localServiceName()).isEqualTo("orders");
    assertThat(finished.startTimestamp()).isEqualTo(1_700_000_000_000_123L);
    assertThat(finished.durationMicros()).isEqualTo(1000);
    assertThat(finished.tag("s")).isEqualTo("v");
    assertThat(finished.tag("l")).isEqualTo("5000000000");
    assertThat(finished.tag("i")).isEqualTo("42");
    assertThat(finished.tag("b")).isEqualTo("true");
    assertThat(finished.tag("d")).isEqualTo("0.25");
    assertThat(finished.annotationCount()).isEqualTo(1);
    assertThat(finished.annotationTimestamp(0)).isEqualTo(1_700_000_000_000_138L);
    assertThat(finished.annotationValue(0)).isEqualTo("cache.miss");
  }

  @Test
  void aTagSetTwiceKeepsTheLastValueAndNullsAreIgnored() {
    Span span = divak.startSpan("x");
    span.tag("k", "1").tag("k", "2").tag(null, "v").tag("n", (String) null);
    span.finish();

    FinishedSpan finished = only();
    assertThat(finished.tagCount()).isEqualTo(1);
    assertThat(finished.tag("k")).isEqualTo("2");
  }

  @Test
  void manyTagsAndAnnotationsAreKept() {
    Span span = divak.startSpan("x");
    for (int i = 0; i < 20; i++) {
      span.tag("k" + i, i);
      span.annotate(i, "a" + i);
    }
    span.finish();

    FinishedSpan finished = only();
    assertThat(finished.tagCount()).isEqualTo(20);
    assertThat(finished.tag("k19")).isEqualTo("19");
    assertThat(finished.annotationCount()).isEqualTo(20);
    assertThat(finished.annotationValue(19)).isEqualTo("a19");
  }

  @Test
  void errorTagsTheMessageAndTheClass() {
    divak.startSpan("x").error(new IOException("disk full")).finish();

    FinishedSpan finished = only();
    assertThat(finished.tag("error")).isEqualTo("disk full");
    assertThat(finished.tag("exception.type")).isEqualTo("java.io.IOException");
    assertThat(finished.error()).isInstanceOf(IOException.class);
  }

  @Test
  void aCompletionExceptionIsUnwrappedToItsCause() {
    divak.startSpan("x").error(new java.util.concurrent.CompletionException(new IOException("disk"))).finish();

    assertThat(only().tag("exception.type")).isEqualTo("java.io.IOException");
    assertThat(only().tag("error")).isEqualTo("disk");
  }

  @Test
  void errorWithoutMessageTagsTheSimpleClassName() {
    divak.startSpan("x").error(new IllegalStateException()).finish();

    assertThat(only().tag("error")).isEqualTo("IllegalStateException");
  }

  @Test
  void theUsersOwnErrorTagWins() {
    divak.startSpan("x").tag("error", "timeout").error(new RuntimeException("x")).finish();

    assertThat(only().tag("error")).isEqualTo("timeout");
    assertThat(only().tag("exception.type")).isEqualTo("java.lang.RuntimeException");
  }

  @Test
  void onlyTheFirstFinishCounts() {
    Span span = divak.startSpan("x");
    now.addAndGet(10);
    span.finish();
    now.addAndGet(10);
    span.finish();
    span.tag("late", "v").annotate("late").name("renamed");

    assertThat(reporter.spans()).hasSize(1);
    assertThat(only().durationMicros()).isEqualTo(10);
    assertThat(only().tag("late")).isNull();
    assertThat(only().annotationCount()).isZero();
    assertThat(only().name()).isEqualTo("x");
  }

  @Test
  void aFinishBeforeTheStartGivesZeroDuration() {
    Span span = divak.startSpan("x");
    span.finish(now.get() - 5);

    assertThat(only().durationMicros()).isZero();
  }

  @Test
  void idsAreRandomNonZeroAndLowerHex() {
    for (int i = 0; i < 1000; i++) {
      TraceContext c = divak.startSpan("x").context();
      assertThat(c.traceIdHigh() != 0 && c.traceId() != 0 && c.spanId() != 0).isTrue();
      assertThat(c.traceIdString()).matches("[0-9a-f]{32}");
      assertThat(c.spanIdString()).matches("[0-9a-f]{16}");
      assertThat(c.parentIdString()).isNull();
    }
  }

  @Test
  void theSystemClockHasMicrosecondPrecisionAndIsMonotonic() throws InterruptedException {
    Clock clock = Clock.system();
    long wall = System.currentTimeMillis() * 1000;
    long first = clock.currentTimeMicros();
    Thread.sleep(2);
    long second = clock.currentTimeMicros();

    assertThat(first).isBetween(wall - 1_000_000, wall + 1_000_000);
    assertThat(second - first).isGreaterThanOrEqualTo(2000);
  }

  private FinishedSpan only() {
    assertThat(reporter.spans()).hasSize(1);
    return reporter.spans().get(0);
  }
}
