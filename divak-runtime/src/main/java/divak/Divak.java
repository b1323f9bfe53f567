package divak;

// Long because the nested Builder (each option with its check and javadoc) stays here so that its
// public name stays Divak.Builder; the work itself is in Tracer, CurrentSpan and Reporters.

import divak.metrics.Metrics;
import divak.propagation.Baggage;
import divak.propagation.Propagation;
import divak.report.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

// Over 300 lines for one reason: the public Builder is nested here, so that its name stays
// Divak.Builder; everything else in this file is configuration, lifecycle or a one-line entry
// point that delegates to Tracer, CurrentSpan or Reporters.
/**
 * The tracer: its configuration and lifecycle, and the entry points of everything it does.
 *
 * <pre>{@code
 * Divak divak = Divak.builder()
 *     .serviceName("orders")
 *     .sampler(Sampler.probability(0.01))
 *     .reporter(ZipkinReporter.create("http://127.0.0.1:9411/api/v2"))
 *     .build();
 *
 * try (Operation op = divak.operation("query-db")) {
 *   op.tag("query-db.rowcount", rows.size());
 * }
 * }</pre>
 *
 * <p>The work is done by package-private classes, one per job: {@code Tracer} starts spans and
 * extracts and injects their ids, {@code CurrentSpan} keeps the current span of each thread and
 * carries it to other threads, {@code Reporters} hands finished spans on. The current span is
 * kept per thread and shared by every {@code Divak} of the JVM, so that generated code, filters
 * and libraries see the same current span.
 *
 * <p>Generated code has one static entry point, {@link #current()}; everything else is reached
 * through the instance it returns.
 */
public final class Divak implements AutoCloseable {
  private static volatile @Nullable Divak lastBuilt;

  private final String serviceName;
  private final Clock clock;
  private final Metrics metrics;
  private final Tracer tracer;
  private final Reporters reporters;
  private final MdcKeys mdcKeys;
  private final boolean requestMetrics;
  private volatile boolean closed;

  private Divak(Builder b) {
    this.serviceName = b.serviceName;
    this.clock = b.clock;
    this.metrics = Metrics.create(b.maxMetricSeries);
    this.tracer = new Tracer(this, b.sampler, b.propagations.toArray(new Propagation[0]),
        new RequestIds(b.requestIdHeader, b.requestIdGenerator), b.clock, b.baggageTags);
    this.reporters = new Reporters(b.reporters.toArray(new Reporter[0]));
    this.mdcKeys = b.mdc ? b.mdcKeys : MdcKeys.OFF;
    this.requestMetrics = b.requestMetrics;
    reporters.countIn(metrics);
  }

  /** Starts configuring a tracer; only {@link Builder#serviceName} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The entry point of generated code, and of any code that is not handed a tracer: the tracer of
   * the current span, else the most recently built tracer that is not closed, else one that
   * records nothing. Never null.
   */
  public static Divak current() {
    Span span = CurrentSpan.get();
    if (span instanceof RealSpan) return ((RealSpan) span).divak();
    Divak last = lastBuilt;
    return last != null && !last.closed ? last : Noop.DIVAK;
  }

  /** The name spans are reported under ({@code localEndpoint.serviceName}). */
  public String serviceName() {
    return serviceName;
  }

  /** The clock that timestamps this tracer's spans. */
  public Clock clock() {
    return clock;
  }

  /** The sampler for traces that start here. */
  public Sampler sampler() {
    return tracer.sampler();
  }

  /** The header that carries the divak Request-Id (default {@code Request-Id}). */
  public String requestIdHeader() {
    return tracer.requestIds().header();
  }

  /**
   * The request metrics and event counters of this tracer, recorded for every request whether
   * sampled or not; {@link Metrics#writePrometheus} writes them for a scrape.
   */
  public Metrics metrics() {
    return metrics;
  }

  /**
   * Whether the JAX-RS filters record request metrics ({@code divak_http_server_*}, {@code
   * divak_http_client_*}); see {@link Builder#metrics(boolean)}.
   */
  public boolean recordsRequestMetrics() {
    return requestMetrics;
  }

  /**
   * Counts one {@code event} ({@code divak_events_total{event="cache.miss"}}). When the current
   * span is sampled, the event is also annotated on it, timestamped.
   */
  public void count(String event) {
    metrics.count(event, 1);
    Span span = CurrentSpan.get();
    if (span != null && !span.isNoop()) span.annotate(event);
  }

  /**
   * Adds {@code n}, zero or more, to the counter of {@code event}. When the current span is
   * sampled, {@code event=n} is also annotated on it, timestamped.
   */
  public void count(String event, long n) {
    metrics.count(event, n);
    Span span = CurrentSpan.get();
    if (span != null && !span.isNoop()) span.annotate(event + '=' + n);
  }

  // --- spans, and their ids in requests: see Tracer ---

  /**
   * The value of the W3C baggage entry {@code key} that came with the current request (or was
   * given to its context), or null. Baggage needs {@link Propagation#baggage()} among the formats.
   */
  public @Nullable String baggage(String key) {
    Span span = CurrentSpan.get();
    Baggage baggage = span != null ? span.context().baggage : null;
    return baggage != null ? baggage.get(key) : null;
  }


  /**
   * Starts a local span that is current until the returned operation is closed: a child of the
   * current span, or the root of a new trace.
   */
  public Operation operation(String name) {
    Span span = startSpan(name);
    return new Operation(span, CurrentSpan.set(span, mdcKeys));
  }

  /** Starts a local span, a child of the current span or a new trace. It is not made current. */
  public Span startSpan(String name) {
    return startSpan(name, (Span.Kind) null);
  }

  /**
   * Starts a span of {@code kind} (null for local), a child of the current span or a new trace.
   * It is not made current.
   */
  public Span startSpan(String name, Span.@Nullable Kind kind) {
    Span current = CurrentSpan.get();
    return tracer.startSpan(name, kind, current != null ? current.context() : null);
  }

  /**
   * Starts a span of {@code kind} (null for local) as a child of {@code parent}. When {@code
   * parent} is null or holds no ids, a new trace starts, honouring any sampling decision and
   * Request-Id that {@code parent} carries. When no decision was made upstream, the sampler
   * decides. It is not made current.
   */
  public Span startSpan(String name, Span.@Nullable Kind kind, @Nullable TraceContext parent) {
    return tracer.startSpan(name, kind, parent);
  }

  /**
   * Reads the trace context and the Request-Id from an incoming request. The first configured
   * format that yields a valid context wins. Never returns null and never throws: malformed
   * headers give a context with no ids, from which a new trace starts. The Request-Id is relayed
   * when valid, else generated (unless generation is off).
   */
  public <C> TraceContext extract(C carrier, Propagation.Getter<C> getter) {
    return tracer.extract(carrier, getter);
  }

  /** Writes {@code context} in every configured format, and its Request-Id, onto a request. */
  public <C> void inject(TraceContext context, C carrier, Propagation.Setter<C> setter) {
    tracer.inject(context, carrier, setter);
  }

  // --- the current span, and moving it between threads: see CurrentSpan ---

  /** The span current on this thread, or a no-op span when there is none. */
  public Span currentSpan() {
    Span span = CurrentSpan.get();
    return span != null ? span : Span.NOOP;
  }

  /**
   * Makes {@code span} current on this thread, with its trace id, span id and Request-Id in the
   * MDC, until the scope is closed; closing restores the span and the MDC values before it.
   */
  public Scope withSpan(Span span) {
    return CurrentSpan.set(span, mdcKeys);
  }

  /** A task that runs with the span that is current now, and its ids in the MDC. */
  public Runnable wrap(Runnable task) {
    return CurrentSpan.wrap(task, mdcKeys);
  }

  /** A task that runs with the span that is current now, and its ids in the MDC. */
  public <V> Callable<V> wrap(Callable<V> task) {
    return CurrentSpan.wrap(task, mdcKeys);
  }

  /**
   * An executor whose tasks run with the span that was current when each was submitted, and its
   * ids in the MDC.
   */
  public Executor wrap(Executor executor) {
    return task -> executor.execute(CurrentSpan.wrap(task, mdcKeys));
  }

  /**
   * An executor service whose tasks run with the span that was current when each was submitted,
   * and its ids in the MDC.
   */
  public ExecutorService wrap(ExecutorService executor) {
    return new ContextExecutorService(executor, mdcKeys);
  }

  // --- lifecycle ---

  /** Hands a finished span to every reporter. */
  void report(RealSpan span) {
    reporters.report(span);
  }

  boolean isClosed() {
    return closed;
  }

  /** Flushes and closes the reporters. Spans finished afterwards are not recorded. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    reporters.close();
  }

  @Override
  public String toString() {
    return "Divak{" + serviceName + "}";
  }

  /** Configures a {@link Divak}. */
  public static final class Builder {
    private @Nullable String serviceName;
    private @Nullable Sampler sampler;
    private final List<Propagation> propagations = new ArrayList<>();
    private final List<Reporter> reporters = new ArrayList<>();
    private @Nullable Clock clock;
    private String requestIdHeader = RequestIds.DEFAULT_HEADER;
    private @Nullable Supplier<String> requestIdGenerator = RequestIds.UUID_V4;
    private int maxMetricSeries = Metrics.DEFAULT_MAX_SERIES;
    private MdcKeys mdcKeys = MdcKeys.DEFAULT;
    private boolean mdc = true;
    private boolean requestMetrics = true;
    private String[] baggageTags = new String[0];
    private @Nullable Map<String, String> environment;

    Builder() {
    }

    /**
     * Reads the OpenTelemetry SDK's environment variables ({@code OTEL_SERVICE_NAME}, {@code
     * OTEL_TRACES_SAMPLER}, {@code OTEL_PROPAGATORS}, {@code OTEL_TRACES_EXPORTER}, {@code
     * OTEL_EXPORTER_OTLP_*}, ...; see the README) with the same meanings and defaults as the SDK's
     * autoconfigure. What this builder is told explicitly wins, in any order of calls. An unknown
     * or malformed value makes {@link #build()} throw an {@link IllegalArgumentException} that
     * names the variable.
     */
    public Builder fromEnvironment() {
      return fromEnvironment(System.getenv());
    }

    /** {@link #fromEnvironment()} reading {@code variables} instead of the process environment. */
    Builder fromEnvironment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /**
     * Copies these W3C baggage entries, when a request carries them, onto every sampled span as
     * tags of the same key (as OpenTelemetry's baggage span processor does). Default none.
     */
    public Builder baggageTags(String... keys) {
      for (String key : keys) {
        if (key == null) throw new NullPointerException("baggage key == null");
      }
      this.baggageTags = keys.clone();
      return this;
    }

    /**
     * Copies these W3C baggage entries, when a request carries them, into the MDC under their own
     * keys wherever its ids are (requests, operations, traced beans, wrapped tasks), restored
     * afterwards like the ids. Default none. Needs {@link Propagation#baggage()} among the formats.
     */
    public Builder baggageInMdc(String... keys) {
      for (String key : keys) requireKey("baggage key", key);
      this.mdcKeys = mdcKeys.withBaggage(keys);
      return this;
    }

    /** Required: the service name spans are reported under. */
    public Builder serviceName(String serviceName) {
      if (serviceName == null) throw new NullPointerException("serviceName == null");
      this.serviceName = serviceName;
      return this;
    }

    /** Decides which new traces are recorded. Default {@link Sampler#always()}. */
    public Builder sampler(Sampler sampler) {
      if (sampler == null) throw new NullPointerException("sampler == null");
      this.sampler = sampler;
      return this;
    }

    /**
     * The header formats, replacing any set before: on extraction the first format that yields a
     * valid context wins; on injection every format is written. Default: {@link
     * Propagation#w3c()}, then {@link Propagation#b3()}.
     */
    public Builder propagation(Propagation first, Propagation... more) {
      if (first == null) throw new NullPointerException("propagation == null");
      propagations.clear();
      propagations.add(first);
      for (Propagation p : more) {
        if (p == null) throw new NullPointerException("propagation == null");
        propagations.add(p);
      }
      return this;
    }

    /** Adds a reporter; call once per reporter. Default: none, spans are recorded and dropped. */
    public Builder reporter(Reporter reporter) {
      if (reporter == null) throw new NullPointerException("reporter == null");
      reporters.add(reporter);
      return this;
    }

    /** The clock for span timestamps; default {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /** The header that carries the divak Request-Id; default {@code Request-Id}. */
    public Builder requestIdHeader(String name) {
      if (name == null) throw new NullPointerException("requestIdHeader == null");
      if (!RequestIds.isHeaderName(name)) {
        throw new IllegalArgumentException("requestIdHeader must be an HTTP header name (letters,"
            + " digits and !#$%&'*+-.^_`|~, no spaces): was '" + name + "'");
      }
      this.requestIdHeader = name;
      return this;
    }

    /**
     * Makes the Request-Id of requests that arrive without a valid one; default a random UUID.
     * Pass null to turn generation off: such requests then have no Request-Id. A generated value
     * that is not a valid Request-Id (1 to 200 visible ASCII characters other than {@code "} and
     * {@code \}) is dropped.
     */
    public Builder requestIdGenerator(@Nullable Supplier<String> generator) {
      this.requestIdGenerator = generator;
      return this;
    }

    /**
     * {@code false} turns Request-Id generation off: a request that arrives without a valid
     * Request-Id then has none. {@code true} keeps the generator given to {@link
     * #requestIdGenerator}, or restores the default random UUID when there is none. Default on.
     */
    public Builder generateRequestIds(boolean generate) {
      if (!generate) {
        requestIdGenerator = null;
      } else if (requestIdGenerator == null) {
        requestIdGenerator = RequestIds.UUID_V4;
      }
      return this;
    }

    /**
     * The most series {@link Divak#metrics()} holds, a series being one method, route and status,
     * or one event name; recordings beyond it are dropped and counted. Default {@value
     * Metrics#DEFAULT_MAX_SERIES}.
     */
    public Builder maxMetricSeries(int maxSeries) {
      if (maxSeries < 1) {
        throw new IllegalArgumentException("maxMetricSeries should be at least 1: was " + maxSeries);
      }
      this.maxMetricSeries = maxSeries;
      return this;
    }

    /**
     * Whether making a span current puts its ids (and any {@link #baggageInMdc} entries) into
     * SLF4J's MDC. Default on. Off, log lines carry no trace, span or Request-Id, and a span made
     * current costs a thread-local write only.
     */
    public Builder mdc(boolean enabled) {
      this.mdc = enabled;
      return this;
    }

    /**
     * Whether the JAX-RS filters record request metrics (count, duration and errors per route and
     * status, per called host). Default on. Off, {@link Divak#metrics()} still counts events and
     * reporter outcomes; the request series stay empty.
     */
    public Builder metrics(boolean enabled) {
      this.requestMetrics = enabled;
      return this;
    }

    /**
     * The MDC keys under which the current span's trace id, span id and Request-Id are put,
     * wherever a span is made current (requests, operations, traced beans, wrapped tasks).
     * Default {@code traceId}, {@code spanId}, {@code requestId}.
     */
    public Builder mdcKeys(String traceIdKey, String spanIdKey, String requestIdKey) {
      String t = requireKey("traceIdKey", traceIdKey);
      String s = requireKey("spanIdKey", spanIdKey);
      String r = requireKey("requestIdKey", requestIdKey);
      if (t.equals(s) || t.equals(r) || s.equals(r)) {
        throw new IllegalArgumentException("mdcKeys must differ: were '" + t + "', '" + s
            + "', '" + r + "'");
      }
      this.mdcKeys = mdcKeys.withIds(t, s, r);
      return this;
    }

    private static String requireKey(String what, @Nullable String key) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank: was '" + key + "'");
      }
      return key;
    }

    /**
     * Builds the tracer.
     *
     * @throws IllegalStateException when no service name, or a blank one, was given
     */
    public Divak build() {
      if (environment != null) {
        // Validates every variable first, so that a typo fails even where the builder wins.
        EnvironmentConfig env = EnvironmentConfig.read(environment);
        if (serviceName == null) serviceName = env.serviceName();
        if (sampler == null) sampler = env.sampler();
        if (propagations.isEmpty()) propagations.addAll(env.propagations());
        if (reporters.isEmpty()) reporters.addAll(env.reporters());
      }
      if (sampler == null) sampler = Sampler.always();
      if (serviceName == null || serviceName.isBlank()) {
        throw new IllegalStateException(
            "serviceName is required: call Divak.builder().serviceName(\"your-service\")");
      }
      if (clock == null) clock = Clock.system();
      if (propagations.isEmpty()) defaultPropagations(propagations);
      Divak divak = new Divak(this);
      lastBuilt = divak;
      return divak;
    }

    private static void defaultPropagations(List<Propagation> into) {
      // The formats themselves are added by the propagation package; see Propagations.
      into.addAll(DefaultPropagation.formats());
    }
  }

  /** A tracer that samples nothing and reports nowhere, for code that runs before any is built. */
  private static final class Noop {
    static final Divak DIVAK;

    static {
      Builder b = new Builder().serviceName("unknown").sampler(Sampler.never());
      b.clock = Clock.system();
      DIVAK = new Divak(b);
    }
  }
}
