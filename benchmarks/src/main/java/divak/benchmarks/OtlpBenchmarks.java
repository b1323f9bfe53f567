package divak.benchmarks;

import static divak.benchmarks.Workload.check;

import divak.TraceContext;
import divak.report.FinishedSpan;
import divak.report.OtlpProtobuf;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Row 7: the SERVER span of row 4 (4 tags, a parent, a service) as one OTLP/protobuf export
 * request: divak's {@link OtlpProtobuf#encodeRequest} against the OpenTelemetry SDK exporter's
 * two marshalers for the same span under the same HTTP conventions: {@code
 * TraceRequestMarshaler} (immutable, a fresh byte array) and {@code
 * LowAllocationTraceRequestMarshaler} (the exporter's default reusable mode, here writing into a
 * reused stream, so it allocates no output array; divak returns a new one).
 *
 * <p>{@code @Setup} requires the three requests to be the same size: the same fields, values and
 * types, whatever order each writes attributes in (the SDK sorts them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class OtlpBenchmarks {
  List<FinishedSpan> divakSpans;
  List<SpanData> sdkSpans;
  LowAllocationTraceRequestMarshaler lowAllocation;
  ByteArrayOutputStream reused;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    FinishedSpan span = Spans.divakServerSpan();
    divakSpans = List.of(span);
    sdkSpans = List.of(sdkSpan(span));
    lowAllocation = new LowAllocationTraceRequestMarshaler();
    reused = new ByteArrayOutputStream(1024);
    int divak = divak().length;
    int sdk = sdk().length;
    reused.reset();
    sdkLowAllocation();
    check(divak == sdk && sdk == reused.size(),
        "one request is " + divak + " bytes from divak, " + sdk + " and " + reused.size()
            + " from the SDK's marshalers");
  }

  @Benchmark
  public byte[] divak() {
    return OtlpProtobuf.encodeRequest(divakSpans);
  }

  @Benchmark
  public byte[] sdk() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(sdkSpans).writeBinaryTo(out);
    return out.toByteArray();
  }

  @Benchmark
  public int sdkLowAllocation() throws IOException {
    reused.reset();
    lowAllocation.initialize(sdkSpans);
    try {
      lowAllocation.writeBinaryTo(reused);
    } finally {
      lowAllocation.reset();
    }
    return reused.size();
  }

  /** The span as the SDK would have recorded it under the HTTP conventions divak maps to. */
  static SpanData sdkSpan(FinishedSpan s) {
    TraceContext c = s.context();
    SpanContext context = SpanContext.create(c.traceIdString(), c.spanIdString(),
        TraceFlags.getSampled(), TraceState.getDefault());
    SpanContext parent = SpanContext.createFromRemoteParent(c.traceIdString(),
        c.parentIdString(), TraceFlags.getSampled(), TraceState.getDefault());
    Attributes attributes = Attributes.builder()
        .put("http.request.method", s.tag("http.method"))
        .put("url.path", s.tag("http.path"))
        .put("http.route", s.tag("http.route"))
        .put(AttributeKey.longKey("http.response.status_code"),
            Long.parseLong(s.tag("http.status_code")))
        .build();
    Resource resource = Resource.create(Attributes.builder()
        .put("service.name", s.localServiceName())
        .put("telemetry.sdk.language", "java")
        .put("telemetry.sdk.name", "divak")
        .put("telemetry.sdk.version", "0.1.0")
        .build());
    long start = s.startTimestamp() * 1000;
    return new Sdk(s.name(), context, parent, start, start + s.durationMicros() * 1000,
        attributes, resource);
  }

  private record Sdk(String name, SpanContext context, SpanContext parent, long start, long end,
      Attributes attributes, Resource resource) implements SpanData {
    @Override public String getName() { return name; }
    @Override public SpanKind getKind() { return SpanKind.SERVER; }
    @Override public SpanContext getSpanContext() { return context; }
    @Override public SpanContext getParentSpanContext() { return parent; }
    @Override public StatusData getStatus() { return StatusData.unset(); }
    @Override public long getStartEpochNanos() { return start; }
    @Override public Attributes getAttributes() { return attributes; }
    @Override public List<EventData> getEvents() { return List.of(); }
    @Override public List<LinkData> getLinks() { return List.of(); }
    @Override public long getEndEpochNanos() { return end; }
    @Override public boolean hasEnded() { return true; }
    @Override public int getTotalRecordedEvents() { return 0; }
    @Override public int getTotalRecordedLinks() { return 0; }
    @Override public int getTotalAttributeCount() { return attributes.size(); }
    @Override public Resource getResource() { return resource; }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return InstrumentationScopeInfo.builder("divak").setVersion("0.1.0")
          .setSchemaUrl("https://opentelemetry.io/schemas/1.27.0").build();
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
      return InstrumentationLibraryInfo.create("divak", "0.1.0");
    }
  }

  /**
   * Thread CPU time per operation of the three bodies, in alternating rounds (as {@code
   * CpuTimeCheck} does for rows 1 to 5), which the wait for a CPU on a loaded machine does not
   * inflate: {@code java -cp benchmarks.jar divak.benchmarks.OtlpBenchmarks}.
   */
  public static void main(String[] args) throws Exception {
    OtlpBenchmarks b = new OtlpBenchmarks();
    b.setUp();
    String[] names = {"divak", "sdk", "sdkLowAllocation"};
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    int ops = 50_000;
    Object sink = null;
    for (int round = 0; round < 25; round++) {
      for (int e = 0; e < 3; e++) {
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < ops; i++) {
          Object r = e == 0 ? b.divak() : e == 1 ? b.sdk() : (Object) b.sdkLowAllocation();
          if ((i & 255) == 0) sink = r;
        }
        double ns = (mx.getCurrentThreadCpuTime() - start) / (double) ops;
        if (round >= 10) best[e] = Math.min(best[e], ns);
      }
    }
    for (int e = 0; e < 3; e++) {
      System.out.printf(java.util.Locale.ROOT, "OtlpBenchmarks.%s %.1f ns/op (thread CPU, best of 15)%n",
          names[e], best[e]);
    }
    if (sink == null) System.out.println();
  }
}
