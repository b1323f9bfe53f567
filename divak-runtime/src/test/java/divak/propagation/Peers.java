package divak.propagation;

import brave.propagation.B3Propagation;
import brave.propagation.TraceContextOrSamplingFlags;
import divak.internal.Hex;
import divak.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Brave and OpenTelemetry propagators as oracles, over {@code Map<String, String>} headers. */
final class Peers {
  static final brave.propagation.Propagation<String> BRAVE_B3_MULTI =
      B3Propagation.newFactoryBuilder().injectFormat(B3Propagation.Format.MULTI).build().get();
  static final brave.propagation.Propagation<String> BRAVE_B3_SINGLE =
      B3Propagation.newFactoryBuilder().injectFormat(B3Propagation.Format.SINGLE).build().get();
  static final TextMapPropagator OTEL_W3C = W3CTraceContextPropagator.getInstance();
  static final TextMapPropagator OTEL_B3_MULTI = B3Propagator.injectingMultiHeaders();
  static final TextMapPropagator OTEL_B3_SINGLE = B3Propagator.injectingSingleHeader();

  static final TextMapGetter<Map<String, String>> OTEL_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : Propagation.<Map<String, String>>mapGetter().get(carrier, key);
    }
  };
  static final TextMapSetter<Map<String, String>> OTEL_SETTER =
      (carrier, key, value) -> carrier.put(key, value);

  /** The headers {@code format} writes for {@code context}. */
  static Map<String, String> divakInject(Propagation format, TraceContext context) {
    Map<String, String> headers = new LinkedHashMap<>();
    format.inject(context, headers, Propagation.mapSetter());
    return headers;
  }

  static TraceContext divakExtract(Propagation format, Map<String, String> headers) {
    return format.extract(headers, Propagation.mapGetter());
  }

  static brave.propagation.TraceContext toBrave(TraceContext c) {
    brave.propagation.TraceContext.Builder b = brave.propagation.TraceContext.newBuilder()
        .traceIdHigh(c.traceIdHigh()).traceId(c.traceId()).parentId(c.parentId())
        .spanId(c.spanId());
    if (c.debug()) {
      b.debug(true);
    } else if (c.sampled() != null) {
      b.sampled(c.sampled());
    }
    return b.build();
  }

  static Map<String, String> braveInject(brave.propagation.Propagation<String> p, TraceContext c) {
    Map<String, String> headers = new LinkedHashMap<>();
    p.<Map<String, String>>injector(Map::put).inject(toBrave(c), headers);
    return headers;
  }

  static TraceContextOrSamplingFlags braveExtract(Map<String, String> headers) {
    return BRAVE_B3_MULTI.<Map<String, String>>extractor(
        (carrier, key) -> Propagation.<Map<String, String>>mapGetter().get(carrier, key))
        .extract(headers);
  }

  static SpanContext toOtel(TraceContext c) {
    return SpanContext.create(Hex.toHex(c.traceIdHigh(), c.traceId()), c.spanIdString(),
        c.isSampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
  }

  static Map<String, String> otelInject(TextMapPropagator p, Context context) {
    Map<String, String> headers = new LinkedHashMap<>();
    p.inject(context, headers, OTEL_SETTER);
    return headers;
  }

  static Map<String, String> otelInject(TextMapPropagator p, TraceContext c) {
    return otelInject(p, Context.root().with(Span.wrap(toOtel(c))));
  }

  static Context otelExtractContext(TextMapPropagator p, Map<String, String> headers) {
    return p.extract(Context.root(), headers, OTEL_GETTER);
  }

  /** The remote span context OpenTelemetry reads, invalid when it reads none. */
  static SpanContext otelExtract(TextMapPropagator p, Map<String, String> headers) {
    return Span.fromContext(otelExtractContext(p, headers)).getSpanContext();
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private Peers() {
  }
}
