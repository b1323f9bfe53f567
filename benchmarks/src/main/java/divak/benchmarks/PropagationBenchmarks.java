package divak.benchmarks;

import static divak.benchmarks.Workload.check;

import brave.propagation.B3Propagation;
import brave.propagation.TraceContextOrSamplingFlags;
import divak.TraceContext;
import divak.propagation.Propagation;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import java.util.HashMap;
import java.util.Map;
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
 * the context really went through.
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
  public TraceContextOrSamplingFlags brave_b3Multi(BraveB3 s) {
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

    @TearDown(Level.Iteration)
    public void checkRoundTrip() {
      check(out.equals(in), getClass().getSimpleName() + " wrote " + out + " for " + in);
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
    TraceContextOrSamplingFlags roundTrip() {
      TraceContextOrSamplingFlags extracted = extractor.extract(in);
      injector.inject(extracted.context(), out);
      return extracted;
    }
  }
}
