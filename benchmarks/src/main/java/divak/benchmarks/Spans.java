package divak.benchmarks;

import static divak.benchmarks.Workload.PARENT_SPAN_ID;
import static divak.benchmarks.Workload.SERVICE;
import static divak.benchmarks.Workload.SPAN_NAME;
import static divak.benchmarks.Workload.TRACE_ID;
import static divak.benchmarks.Workload.TRACE_ID_HIGH;

import divak.Divak;
import divak.Span;
import divak.TraceContext;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.util.List;
import zipkin2.Endpoint;

/** The finished SERVER span that rows 4 and 6 encode, as divak holds it and as zipkin2 does. */
final class Spans {
  static final long START_MICROS = 1_700_000_000_123_456L;
  static final long DURATION_MICROS = 1_234L;
  static final String[] TAGS = {
    "http.method", "GET",
    "http.path", "/orders/4711",
    "http.route", "/orders/{id}",
    "http.status_code", "200",
  };

  /** A real divak span, finished, with 4 tags, in the workload's trace. */
  static FinishedSpan divakServerSpan() {
    long[] now = {START_MICROS, START_MICROS + DURATION_MICROS};
    int[] calls = {0};
    InMemoryReporter reporter = Reporter.inMemory();
    try (Divak divak = Divak.builder()
        .serviceName(SERVICE)
        .clock(() -> now[Math.min(calls[0]++, 1)])
        .reporter(reporter)
        .build()) {
      TraceContext parent = TraceContext.builder()
          .traceIdHigh(TRACE_ID_HIGH).traceId(TRACE_ID).spanId(PARENT_SPAN_ID).sampled(true)
          .build();
      Span span = divak.startSpan(SPAN_NAME, Span.Kind.SERVER, parent);
      for (int i = 0; i < TAGS.length; i += 2) span.tag(TAGS[i], TAGS[i + 1]);
      span.finish();
    }
    List<FinishedSpan> spans = reporter.spans();
    Workload.check(spans.size() == 1, "one span reported, not " + spans.size());
    FinishedSpan span = spans.get(0);
    Workload.check(span.durationMicros() == DURATION_MICROS, "duration " + span.durationMicros());
    return span;
  }

  /** The same span as zipkin2 models it. */
  static zipkin2.Span zipkinServerSpan(FinishedSpan divakSpan) {
    TraceContext c = divakSpan.context();
    zipkin2.Span.Builder b = zipkin2.Span.newBuilder()
        .traceId(c.traceIdString())
        .parentId(c.parentIdString())
        .id(c.spanIdString())
        .kind(zipkin2.Span.Kind.SERVER)
        .name(divakSpan.name())
        .timestamp(divakSpan.startTimestamp())
        .duration(divakSpan.durationMicros())
        .localEndpoint(Endpoint.newBuilder().serviceName(SERVICE).build());
    for (int i = 0; i < TAGS.length; i += 2) b.putTag(TAGS[i], TAGS[i + 1]);
    return b.build();
  }

  private Spans() {
  }
}
