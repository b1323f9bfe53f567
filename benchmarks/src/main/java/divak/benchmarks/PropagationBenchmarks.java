// Long because every library's state for every format sits here side by side, so that a reader
// compares like with like in one file.
package divak.benchmarks;

import static divak.benchmarks.Workload.check;

import brave.propagation.B3Propagation;
import brave.propagation.TraceContextOrSamplingFlags;
import divak.TraceContext;
import divak.propagation.Propagation;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Row 3: extract a context from incoming headers and inject it onto an outgoing request, as a
 * service does for each call it makes on behalf of a request.
 *
 * <p>Every library reads a {@code HashMap<String, String>} through a getter that is a plain
 * {@code get}, and writes another through a plain {@code put}. The outgoing map is reused and
 * never cleared: {@code put} of a key it already holds allocates nothing, so B/op is what the
 * library allocates (the extracted context and the header strings it writes), not the map.
 *
 * <p>Each state checks, after every iteration, that the outgoing headers equal the incoming ones:
 * the context really went through. The {@code ...Child} rows are the realistic round trip: the
 * outgoing context is a child of the extracted one (the same trace and sampling, a new span id),
 * made with each library's public API, so no library can echo the strings it read; their states
 * check exactly that.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PropagationBenchmarks {
  static final Propagation.Getter<Map<String, String>> DIVAK_GETTER = Map::get;
  static final Propagation.Setter<Map<String, String>> DIVAK_SETTER = Map::put;
  static final brave.propagation.Propagation.Getter<Map<String, String>, String> BRAVE_GETTER = Map::get;
  static final brave.propagation.Propagation.Setter<Map<String, String>, String> BRAVE_SETTER = Map::put;
  static final TextMapGetter<Map<String, String>> OTEL_GETTER = new TextMapGetter<>() {
    @Override
    @SuppressWarnings("deprecation") // abstract in the interface, so it must be implemented
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier.get(key);
    }
  };
  static final TextMapSetter<Map<String, String>> OTEL_SETTER = Map::put;

  // W3C traceparent, without tracestate.

  @Benchmark
  public TraceContext divak_w3c(DivakW3C s) {
    return s.roundTrip();
  }

  @Benchmark
  public Context otel_w3c(OtelW3C s) {
    return s.roundTrip();
  }

  // W3C traceparent and tracestate.

  @Benchmark
  public TraceContext divak_w3cTracestate(DivakW3CTraceState s) {
    return s.roundTrip();
  }

  @Benchmark
  public Context otel_w3cTracestate(OtelW3CTraceState s) {
    return s.roundTrip();
  }

  // B3 multi-header.

  @Benchmark
  public TraceContext divak_b3Multi(DivakB3 s) {
    return s.roundTrip();
  }

  @Benchmark
  public Context otel_b3Multi(OtelB3 s) {
    return s.roundTrip();
  }

  @Benchmark
  public Object brave_b3Multi(BraveB3 s) {
    return s.roundTrip();
  }

  // The realistic round trip: extract, then inject a child of the extracted context (a new span
  // id, the extracted one as its parent), as a service does for the call it makes. Nothing can be
  // echoed: the outgoing span id is new, so its header is written anew.

  @Benchmark
  public TraceContext divak_w3cChild(DivakW3CChild s) {
    return s.roundTrip();
  }

  @Benchmark
  public Context otel_w3cChild(OtelW3CChild s) {
    return s.roundTrip();
  }

  @Benchmark
  public TraceContext divak_b3MultiChild(DivakB3Child s) {
    return s.roundTrip();
  }

  @Benchmark
  public Context otel_b3MultiChild(OtelB3Child s) {
    return s.roundTrip();
  }

  @Benchmark
  public Object brave_b3MultiChild(BraveB3Child s) {
    return s.roundTrip();
  }

  /** The incoming headers, the reused outgoing map, and the check that they end up equal. */
  @State(Scope.Thread)
  public abstract static class Carriers {
    Map<String, String> in;
    final Map<String, String> out = new HashMap<>();

    abstract Map<String, String> incoming();

    abstract Object roundTrip();

    @Setup(Level.Trial)
    public void setUp() {
      in = incoming();
      roundTrip();
      checkRoundTrip();
    }

    /** True for the states that inject a child of the extracted context. */
    boolean injectsChild() {
      return false;
    }

    @TearDown(Level.Iteration)
    public void checkRoundTrip() {
      String what = getClass().getSimpleName() + " wrote " + out + " for " + in;
      if (!injectsChild()) {
        check(out.equals(in), what);
      } else if (in.containsKey("traceparent")) {
        // A child: the same trace and sampling, a new span id.
        String sent = in.get("traceparent");
        String written = out.get("traceparent");
        check(written != null && written.length() == 55, what);
        check(written.substring(0, 36).equals(sent.substring(0, 36)), what + ": same trace");
        check(written.endsWith(sent.substring(52)), what + ": same flags");
        check(!written.substring(36, 52).equals(sent.substring(36, 52)), what + ": a new span id");
      } else {
        check(in.get("X-B3-TraceId").equals(out.get("X-B3-TraceId")), what + ": same trace");
        check(in.get("X-B3-Sampled").equals(out.get("X-B3-Sampled")), what + ": same sampling");
        String spanId = out.get("X-B3-SpanId");
        check(spanId != null && spanId.length() == 16 && !spanId.equals(in.get("X-B3-SpanId")),
            what + ": a new span id");
        String parent = out.get("X-B3-ParentSpanId"); // OpenTelemetry does not write it
        check(parent == null || parent.equals(in.get("X-B3-SpanId")), what + ": the parent");
      }
    }
  }

  /** A random non-zero span id, as each library's tracer would draw it. */
  static long newSpanId() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0);
    return id;
  }

  /** divak's child: the extracted context with a new span id under it. */
  static TraceContext divakChild(TraceContext parent) {
    return parent.toBuilder().parentId(parent.spanId()).spanId(newSpanId()).build();
  }

  /** OpenTelemetry's child: a span context with a new span id, in a context of its own. */
  static Context otelChild(Context extracted) {
    SpanContext parent = io.opentelemetry.api.trace.Span.fromContext(extracted).getSpanContext();
    SpanContext child = SpanContext.create(parent.getTraceId(), OTEL_IDS.generateSpanId(),
        parent.getTraceFlags(), parent.getTraceState());
    return Context.root().with(io.opentelemetry.api.trace.Span.wrap(child));
  }

  static final IdGenerator OTEL_IDS = IdGenerator.random();

  // The child states: the same propagator and headers as the state they extend.

  public static class DivakW3CChild extends DivakW3C {
    @Override
    boolean injectsChild() {
      return true;
    }

    @Override
    TraceContext roundTrip() {
      TraceContext child = divakChild(w3c.extract(in, DIVAK_GETTER));
      w3c.inject(child, out, DIVAK_SETTER);
      return child;
    }
  }

  public static class OtelW3CChild extends OtelW3C {
    @Override
    boolean injectsChild() {
      return true;
    }

    @Override
    Context roundTrip() {
      Context child = otelChild(propagator.extract(Context.root(), in, OTEL_GETTER));
      propagator.inject(child, out, OTEL_SETTER);
      return child;
    }
  }

  public static class DivakB3Child extends DivakB3 {
    @Override
    boolean injectsChild() {
      return true;
    }

    @Override
    TraceContext roundTrip() {
      TraceContext child = divakChild(b3.extract(in, DIVAK_GETTER));
      b3.inject(child, out, DIVAK_SETTER);
      return child;
    }
  }

  public static class OtelB3Child extends OtelB3 {
    @Override
    boolean injectsChild() {
      return true;
    }

    @Override
    Context roundTrip() {
      Context child = otelChild(b3.extract(Context.root(), in, OTEL_GETTER));
      b3.inject(child, out, OTEL_SETTER);
      return child;
    }
  }

  public static class BraveB3Child extends BraveB3 {
    @Override
    boolean injectsChild() {
      return true;
    }

    @Override
    Object roundTrip() {
      brave.propagation.TraceContext parent = extractor.extract(in).context();
      brave.propagation.TraceContext child = parent.toBuilder()
          .parentId(parent.spanId()).spanId(newSpanId()).build();
      injector.inject(child, out);
      return child;
    }
  }

  public static class DivakW3C extends Carriers {
    final Propagation w3c = Propagation.w3c();

    @Override
    Map<String, String> incoming() {
      return Workload.w3cHeaders(false);
    }

    @Override
    TraceContext roundTrip() {
      TraceContext context = w3c.extract(in, DIVAK_GETTER);
      w3c.inject(context, out, DIVAK_SETTER);
      return context;
    }
  }

  public static class DivakW3CTraceState extends DivakW3C {
    @Override
    Map<String, String> incoming() {
      return Workload.w3cHeaders(true);
    }
  }

  public static class DivakB3 extends Carriers {
    final Propagation b3 = Propagation.b3();

    @Override
    Map<String, String> incoming() {
      return Workload.b3Headers();
    }

    @Override
    TraceContext roundTrip() {
      TraceContext context = b3.extract(in, DIVAK_GETTER);
      b3.inject(context, out, DIVAK_SETTER);
      return context;
    }
  }

  public static class OtelW3C extends Carriers {
    final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

    @Override
    Map<String, String> incoming() {
      return Workload.w3cHeaders(false);
    }

    @Override
    Context roundTrip() {
      Context context = propagator.extract(Context.root(), in, OTEL_GETTER);
      propagator.inject(context, out, OTEL_SETTER);
      return context;
    }
  }

  public static class OtelW3CTraceState extends OtelW3C {
    @Override
    Map<String, String> incoming() {
      return Workload.w3cHeaders(true);
    }
  }

  public static class OtelB3 extends Carriers {
    final TextMapPropagator b3 = B3Propagator.injectingMultiHeaders();

    @Override
    Map<String, String> incoming() {
      return Workload.b3Headers();
    }

    @Override
    Context roundTrip() {
      Context context = b3.extract(Context.root(), in, OTEL_GETTER);
      b3.inject(context, out, OTEL_SETTER);
      return context;
    }
  }

  public static class BraveB3 extends Carriers {
    final brave.propagation.Propagation<String> b3 =
        B3Propagation.newFactoryBuilder().injectFormat(B3Propagation.Format.MULTI).build().get();
    final brave.propagation.TraceContext.Extractor<Map<String, String>> extractor =
        b3.extractor(BRAVE_GETTER);
    final brave.propagation.TraceContext.Injector<Map<String, String>> injector =
        b3.injector(BRAVE_SETTER);

    @Override
    Map<String, String> incoming() {
      return Workload.b3Headers();
    }

    @Override
    Object roundTrip() {
      TraceContextOrSamplingFlags extracted = extractor.extract(in);
      injector.inject(extracted.context(), out);
      return extracted;
    }
  }
}
