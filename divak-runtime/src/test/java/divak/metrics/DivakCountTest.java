package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.Divak;
import divak.Operation;
import divak.Sampler;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code divak.count}: always counted; annotated on the current span only when it is sampled. */
class DivakCountTest {
  final AtomicLong now = new AtomicLong(1_700_000_000_000_000L);
  final InMemoryReporter reporter = Reporter.inMemory();

  Divak divak(Sampler sampler) {
    return Divak.builder().serviceName("orders").sampler(sampler).clock(now::get)
        .reporter(reporter).build();
  }

  @Test
  void anEventIsCountedAndAnnotatedOnASampledSpan() {
    Divak divak = divak(Sampler.always());
    try (Operation op = divak.operation("lookup")) {
      now.addAndGet(10);
      divak.count("cache.miss");
      now.addAndGet(5);
      divak.count("rows", 42);
    }

    FinishedSpan span = reporter.spans().get(0);
    assertThat(span.annotationCount()).isEqualTo(2);
    assertThat(span.annotationValue(0)).isEqualTo("cache.miss");
    assertThat(span.annotationTimestamp(0)).isEqualTo(1_700_000_000_000_010L);
    assertThat(span.annotationValue(1)).isEqualTo("rows=42");
    assertThat(span.annotationTimestamp(1)).isEqualTo(1_700_000_000_000_015L);
    assertThat(Samples.parse(Samples.write(divak.metrics())))
        .containsEntry("divak_events_total{event=\"cache.miss\"}", 1.0)
        .containsEntry("divak_events_total{event=\"rows\"}", 42.0);
  }

  @Test
  void anEventIsCountedWithoutASpanAndUnderAnUnsampledOne() {
    Divak divak = divak(Sampler.never());
    divak.count("cache.miss");
    try (Operation op = divak.operation("lookup")) {
      divak.count("cache.miss", 2);
    }

    assertThat(reporter.spans()).isEmpty();
    assertThat(Samples.parse(Samples.write(divak.metrics())))
        .containsEntry("divak_events_total{event=\"cache.miss\"}", 3.0);
  }

  @Test
  void theBuilderSetsTheSeriesLimit() {
    Divak divak = Divak.builder().serviceName("orders").maxMetricSeries(2).build();
    assertThat(divak.metrics().maxSeries()).isEqualTo(2);
    assertThat(Divak.builder().serviceName("x").build().metrics().maxSeries())
        .isEqualTo(Metrics.DEFAULT_MAX_SERIES);
    assertThatThrownBy(() -> Divak.builder().maxMetricSeries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxMetricSeries should be at least 1: was 0");
  }
}
