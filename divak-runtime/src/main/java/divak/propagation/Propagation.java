package divak.propagation;

import divak.TraceContext;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A header format for trace context: reads it from an incoming request and writes it onto an
 * outgoing one. Transport-neutral: the carrier is any object, read through a {@link Getter} and
 * written through a {@link Setter}, so that no wrapper is allocated per request.
 *
 * <pre>{@code
 * Divak divak = Divak.builder()
 *     .serviceName("orders")
 *     .propagation(Propagation.w3c(), Propagation.b3())  // extract: first that matches; inject: all
 *     .build();
 * }</pre>
 *
 * <p>Formats parse with index arithmetic and no intermediate strings. Anything malformed (wrong
 * length, upper-case or non-hex digits, all-zero ids, oversized or repeated headers) is ignored:
 * {@link #extract} returns null and a new trace starts.
 */
public interface Propagation {

  /**
   * W3C Trace Context: {@code traceparent: 00-{32 hex trace id}-{16 hex span id}-{2 hex flags}},
   * with {@code tracestate} and the Level 2 "random trace id" flag passed through unchanged.
   */
  static Propagation w3c() {
    return W3CPropagation.INSTANCE;
  }

  /**
   * B3 multi-header: {@code X-B3-TraceId}, {@code X-B3-SpanId}, {@code X-B3-ParentSpanId}, {@code
   * X-B3-Sampled} and {@code X-B3-Flags}, as Zipkin and Brave write them. Like Brave's and
   * OpenTelemetry's B3 propagators, it also extracts the single {@code b3} header (when the
   * multi headers carry no ids); it injects the multi headers only.
   */
  static Propagation b3() {
    return B3MultiPropagation.INSTANCE;
  }

  /**
   * W3C Baggage: the {@code baggage} header, read into {@link TraceContext#baggage()} and written
   * onto outgoing requests. It carries no ids: list it beside a trace format, as in {@code
   * propagation(Propagation.w3c(), Propagation.baggage())}.
   */
  static Propagation baggage() {
    return W3CBaggagePropagation.INSTANCE;
  }

  /** B3 single header: {@code b3: {traceId}-{spanId}[-{1|0|d}[-{parentSpanId}]]}, or {@code b3: 0}. */
  static Propagation b3Single() {
    return B3SinglePropagation.INSTANCE;
  }

  /**
   * The context in {@code carrier}, or null when the headers are absent or malformed. Never
   * throws. A context with no ids but a sampling decision is returned for formats that carry one
   * alone (B3 {@code b3: 0}).
   */
  <C> @Nullable TraceContext extract(C carrier, Getter<C> getter);

  /** Writes {@code context}'s ids and sampling decision onto {@code carrier}. */
  <C> void inject(TraceContext context, C carrier, Setter<C> setter);

  /**
   * A getter for headers held in a {@code Map<String, String>}, matching names
   * case-insensitively: an exact match first, then a scan of the keys.
   */
  @SuppressWarnings("unchecked")
  static <M extends Map<String, String>> Getter<M> mapGetter() {
    return (Getter<M>) MapCarrier.GETTER;
  }

  /**
   * A setter for headers held in a {@code Map<String, String>}: removes any key that differs from
   * {@code name} only in case, then puts {@code name}.
   */
  @SuppressWarnings("unchecked")
  static <M extends Map<String, String>> Setter<M> mapSetter() {
    return (Setter<M>) MapCarrier.SETTER;
  }

  /** Reads one header; {@code name} must be matched case-insensitively; null when absent. */
  @FunctionalInterface
  interface Getter<C> {
    /** The value of header {@code name}, or null when {@code carrier} has none. */
    @Nullable String get(C carrier, String name);
  }

  /** Writes one header, replacing any earlier value of that name. */
  @FunctionalInterface
  interface Setter<C> {
    /** Sets header {@code name} to {@code value} on {@code carrier}. */
    void set(C carrier, String name, String value);
  }
}

