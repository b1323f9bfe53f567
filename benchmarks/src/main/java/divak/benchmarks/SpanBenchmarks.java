package divak.benchmarks;

// Long because the same workload written once per library (divak, Brave, OpenTelemetry), each with
// the setup that checks its own result; split, the three could drift apart.

import static divak.benchmarks.Workload.PARENT_SPAN_ID;
import static divak.benchmarks.Workload.PARENT_SPAN_ID_HEX;
import static divak.benchmarks.Workload.SERVICE;
import static divak.benchmarks.Workload.SPAN_NAME;
import static divak.benchmarks.Workload.TAG1_KEY;
import static divak.benchmarks.Workload.TAG1_VALUE;
import static divak.benchmarks.Workload.TAG2_KEY;
import static divak.benchmarks.Workload.TAG2_VALUE;
import static divak.benchmarks.Workload.TRACE_ID;
import static divak.benchmarks.Workload.TRACE_ID_HEX;
import static divak.benchmarks.Workload.TRACE_ID_HIGH;
import static divak.benchmarks.Workload.check;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import divak.Divak;
import divak.Span;
import divak.TraceContext;
import divak.report.FinishedSpan;
import divak.report.Reporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rows 1 and 2: a SERVER span, the child of a remote parent, with two string tags, started and
 * finished and handed to a reporter that only counts. {@code sampled=true} is row 1, {@code
 * sampled=false} row 2 (the parent said "do not record", and each tracer's sampler says so too).
 *
 * <p>Each state runs the benchmark body in {@code @Setup} and checks what its reporter got: the
 * span, its name, tags and parent when sampled; nothing, and the parent's trace id, when not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanBenchmarks {
  private static final int CHECK_OPS = 1_000;

  @Benchmark
  public Span divak(DivakState s) {
    Span span = s.tracer.startSpan(SPAN_NAME, Span.Kind.SERVER, s.parent);
    span.tag(TAG1_KEY, TAG1_VALUE);
    span.tag(TAG2_KEY, TAG2_VALUE);
    span.finish();
    return span;
  }

  @Benchmark
  public brave.Span brave(BraveState s) {
    brave.Span span = s.tracer.newChild(s.parent).kind(brave.Span.Kind.SERVER).name(SPAN_NAME).start();
    span.tag(TAG1_KEY, TAG1_VALUE);
    span.tag(TAG2_KEY, TAG2_VALUE);
    span.finish();
    return span;
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otel(OtelState s) {
    io.opentelemetry.api.trace.Span span = s.tracer.spanBuilder(SPAN_NAME)
        .setParent(s.parent)
        .setSpanKind(SpanKind.SERVER)
        .startSpan();
    span.setAttribute(OtelState.TAG1, TAG1_VALUE);
    span.setAttribute(OtelState.TAG2, TAG2_VALUE);
    span.end();
    return span;
  }

  /** divak with a {@link Reporter} that counts. */
  @State(Scope.Thread)
  public static class DivakState {
    @Param({"true", "false"})
    public boolean sampled;

    Divak tracer;
    TraceContext parent;
    final CountingReporter reporter = new CountingReporter();

    @Setup(Level.Trial)
    public void setUp() {
      // The sampler is never asked (the parent decided); it agrees with the parent all the same.
      tracer = Divak.builder()
          .serviceName(SERVICE)
          .sampler(sampled ? divak.Sampler.always() : divak.Sampler.never())
          .reporter(reporter)
          .build();
      parent = TraceContext.builder()
          .traceIdHigh(TRACE_ID_HIGH).traceId(TRACE_ID).spanId(PARENT_SPAN_ID).sampled(sampled)
          .build();
      reporter.capture = true;
      Span span = null;
      for (int i = 0; i < CHECK_OPS; i++) span = new SpanBenchmarks().divak(this);
      check(span.context().traceId() == TRACE_ID && span.context().traceIdHigh() == TRACE_ID_HIGH,
          "divak span is in the parent's trace");
      if (sampled) {
        check(reporter.count == CHECK_OPS, "divak reported " + reporter.count + " of " + CHECK_OPS);
        FinishedSpan last = reporter.last;
        check(SPAN_NAME.equals(last.name()) && last.kind() == Span.Kind.SERVER, "divak name, kind");
        check(TAG1_VALUE.equals(last.tag(TAG1_KEY)) && TAG2_VALUE.equals(last.tag(TAG2_KEY)),
            "divak tags");
        check(last.context().parentId() == PARENT_SPAN_ID, "divak parent id");
      } else {
        check(reporter.count == 0, "unsampled divak span was reported");
        check(span.isNoop(), "unsampled divak span is a no-op");
      }
      reporter.capture = false;
      reporter.count = 0;
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
      check(sampled ? reporter.count > 0 : reporter.count == 0,
          "divak reported " + reporter.count + " spans, sampled=" + sampled);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracer.close();
    }
  }

  /** Brave with a {@link SpanHandler} that counts. */
  @State(Scope.Thread)
  public static class BraveState {
    @Param({"true", "false"})
    public boolean sampled;

    Tracing tracing;
    brave.Tracer tracer;
    brave.propagation.TraceContext parent;
    final CountingSpanHandler handler = new CountingSpanHandler();

    @Setup(Level.Trial)
    public void setUp() {
      tracing = Tracing.newBuilder()
          .localServiceName(SERVICE)
          .sampler(sampled ? brave.sampler.Sampler.ALWAYS_SAMPLE : brave.sampler.Sampler.NEVER_SAMPLE)
          .addSpanHandler(handler)
          .build();
      tracer = tracing.tracer();
      parent = brave.propagation.TraceContext.newBuilder()
          .traceIdHigh(TRACE_ID_HIGH).traceId(TRACE_ID).spanId(PARENT_SPAN_ID).sampled(sampled)
          .build();
      handler.capture = true;
      brave.Span span = null;
      for (int i = 0; i < CHECK_OPS; i++) span = new SpanBenchmarks().brave(this);
      check(span.context().traceId() == TRACE_ID && span.context().traceIdHigh() == TRACE_ID_HIGH,
          "brave span is in the parent's trace");
      if (sampled) {
        check(handler.count == CHECK_OPS, "brave reported " + handler.count + " of " + CHECK_OPS);
        MutableSpan last = handler.last;
        check(SPAN_NAME.equals(last.name()) && last.kind() == brave.Span.Kind.SERVER,
            "brave name, kind");
        check(TAG1_VALUE.equals(last.tag(TAG1_KEY)) && TAG2_VALUE.equals(last.tag(TAG2_KEY)),
            "brave tags");
        check(PARENT_SPAN_ID_HEX.equals(last.parentId()), "brave parent id");
      } else {
        check(handler.count == 0, "unsampled brave span was reported");
        check(span.isNoop(), "unsampled brave span is a no-op");
      }
      handler.capture = false;
      handler.count = 0;
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
      check(sampled ? handler.count > 0 : handler.count == 0,
          "brave reported " + handler.count + " spans, sampled=" + sampled);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracing.close();
    }
  }

  /** The OpenTelemetry SDK with a {@link SpanProcessor} that counts. */
  @State(Scope.Thread)
  public static class OtelState {
    static final AttributeKey<String> TAG1 = AttributeKey.stringKey(TAG1_KEY);
    static final AttributeKey<String> TAG2 = AttributeKey.stringKey(TAG2_KEY);

    @Param({"true", "false"})
    public boolean sampled;

    SdkTracerProvider provider;
    io.opentelemetry.api.trace.Tracer tracer;
    Context parent;
    final CountingSpanProcessor processor = new CountingSpanProcessor();

    @Setup(Level.Trial)
    public void setUp() {
      provider = SdkTracerProvider.builder()
          .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)))
          .setSampler(sampled ? Sampler.alwaysOn() : Sampler.alwaysOff())
          .addSpanProcessor(processor)
          .build();
      tracer = provider.get("divak-benchmarks");
      SpanContext remote = SpanContext.createFromRemoteParent(TRACE_ID_HEX, PARENT_SPAN_ID_HEX,
          sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
      parent = Context.root().with(io.opentelemetry.api.trace.Span.wrap(remote));
      processor.capture = true;
      io.opentelemetry.api.trace.Span span = null;
      for (int i = 0; i < CHECK_OPS; i++) span = new SpanBenchmarks().otel(this);
      check(TRACE_ID_HEX.equals(span.getSpanContext().getTraceId()),
          "otel span is in the parent's trace");
      if (sampled) {
        check(processor.count == CHECK_OPS, "otel reported " + processor.count + " of " + CHECK_OPS);
        ReadableSpan last = processor.last;
        check(SPAN_NAME.equals(last.getName()) && last.getKind() == SpanKind.SERVER,
            "otel name, kind");
        check(TAG1_VALUE.equals(last.getAttribute(TAG1)) && TAG2_VALUE.equals(last.getAttribute(TAG2)),
            "otel tags");
        check(PARENT_SPAN_ID_HEX.equals(last.getParentSpanContext().getSpanId()), "otel parent id");
      } else {
        check(processor.count == 0, "unsampled otel span was reported");
        check(!span.isRecording(), "unsampled otel span does not record");
      }
      processor.capture = false;
      processor.count = 0;
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
      check(sampled ? processor.count > 0 : processor.count == 0,
          "otel reported " + processor.count + " spans, sampled=" + sampled);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      provider.close();
    }
  }

  static final class CountingReporter implements Reporter {
    long count;
    boolean capture;
    FinishedSpan last;

    @Override
    public void report(FinishedSpan span) {
      count++;
      if (capture) last = span;
    }
  }

  static final class CountingSpanHandler extends SpanHandler {
    long count;
    boolean capture;
    MutableSpan last;

    @Override
    public boolean end(brave.propagation.TraceContext context, MutableSpan span, Cause cause) {
      count++;
      if (capture) last = span;
      return true;
    }
  }

  static final class CountingSpanProcessor implements SpanProcessor {
    long count;
    boolean capture;
    ReadableSpan last;

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      count++;
      if (capture) last = span;
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
