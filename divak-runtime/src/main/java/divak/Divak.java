package divak;

import divak.metrics.Metrics;
import divak.propagation.Propagation;
import divak.report.Reporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracer: holds the service name, the sampler, the propagation formats and the reporters, and
 * starts spans.
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
 * <p>The current span is kept per thread and shared by every {@code Divak} of the JVM, so that
 * generated code, filters and libraries see the same current span.
 */
public final class Divak implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Divak.class);
  private static volatile Divak lastBuilt;

  private final String serviceName;
  private final Sampler sampler;
  private final Propagation[] propagations;
  private final Reporter[] reporters;
  private final Clock clock;
  private final RequestIds requestIds;
  private final boolean[] reporterFailed;
  private final Metrics metrics;
  private volatile boolean closed;

  private Divak(Builder b) {
    this.serviceName = b.serviceName;
    this.sampler = b.sampler;
    this.propagations = b.propagations.toArray(new Propagation[0]);
    this.reporters = b.reporters.toArray(new Reporter[0]);
    this.reporterFailed = new boolean[reporters.length];
    this.clock = b.clock;
    this.requestIds = new RequestIds(b.requestIdHeader, b.requestIdGenerator);
    this.metrics = Metrics.create(b.maxMetricSeries);
  }

  /** Starts configuring a tracer; only {@link Builder#serviceName} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The tracer for code that is not handed one, such as generated decorators: the tracer of the
   * current span, else the most recently built tracer that is not closed, else one that records
   * nothing.
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
    return sampler;
  }

  /** The header that carries the divak Request-Id (default {@code Request-Id}). */
  public String requestIdHeader() {
    return requestIds.header();
  }

  /**
   * The request metrics and event counters of this tracer, recorded for every request whether
   * sampled or not; {@link Metrics#writePrometheus} writes them for a scrape.
   */
  public Metrics metrics() {
    return metrics;
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

  /** The span current on this thread, or a no-op span when there is none. */
  public Span currentSpan() {
    Span span = CurrentSpan.get();
    return span != null ? span : Span.NOOP;
  }

  /**
   * Starts a local span that is current until the returned operation is closed: a child of the
   * current span, or the root of a new trace.
   */
  public Operation operation(String name) {
    Span span = startSpan(name);
    return new Operation(span, CurrentSpan.set(span));
  }

  /** Starts a local span, a child of the current span or a new trace. It is not made current. */
  public Span startSpan(String name) {
    return startSpan(name, (Span.Kind) null);
  }

  /**
   * Starts a span of {@code kind} (null for local), a child of the current span or a new trace.
   * It is not made current.
   */
  public Span startSpan(String name, Span.Kind kind) {
    Span current = CurrentSpan.get();
    return startSpan(name, kind, current != null ? current.context() : null);
  }

  /**
   * Starts a span of {@code kind} (null for local) as a child of {@code parent}. When {@code
   * parent} is null or holds no ids, a new trace starts, honouring any sampling decision and
   * Request-Id that {@code parent} carries. When no decision was made upstream, the sampler
   * decides. It is not made current.
   */
  public Span startSpan(String name, Span.Kind kind, TraceContext parent) {
    if (closed) return parent != null && parent.hasIds() ? NoopSpan.of(parent) : Span.NOOP;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long traceIdHigh;
    long traceId;
    long parentId;
    int flags;
    String traceState = null;
    String requestId = null;
    if (parent != null) {
      flags = parent.flags;
      traceState = parent.traceState;
      requestId = parent.requestId;
    } else {
      flags = 0;
    }
    boolean child = parent != null && parent.hasIds();
    if (child) {
      traceIdHigh = parent.traceIdHigh;
      traceId = parent.traceId;
      parentId = parent.spanId;
    } else {
      traceIdHigh = nonZero(random);
      traceId = nonZero(random);
      parentId = 0;
    }
    if ((flags & TraceContext.FLAG_SAMPLED_SET) == 0) {
      flags |= TraceContext.FLAG_SAMPLED_SET | (sampler.isSampled(traceId) ? TraceContext.FLAG_SAMPLED : 0);
    } else if (child && (flags & TraceContext.FLAG_SAMPLED) == 0) {
      // Decided upstream not to record: reuse the parent's ids and its shared no-op span, so that
      // an unsampled request allocates nothing here.
      return NoopSpan.of(parent);
    }
    TraceContext context = new TraceContext(traceIdHigh, traceId, parentId, nonZero(random), flags,
        traceState, requestId);
    if ((flags & TraceContext.FLAG_SAMPLED) == 0) return NoopSpan.of(context);
    return new RealSpan(this, context, name, kind, clock.currentTimeMicros());
  }

  /** Makes {@code span} current on this thread until the scope is closed. */
  public Scope withSpan(Span span) {
    return CurrentSpan.set(span);
  }

  /**
   * Reads the trace context and the Request-Id from an incoming request. The first configured
   * format that yields a valid context wins. Never returns null and never throws: malformed
   * headers give a context with no ids, from which a new trace starts. The Request-Id is relayed
   * when valid, else generated (unless generation is off).
   */
  public <C> TraceContext extract(C carrier, Propagation.Getter<C> getter) {
    TraceContext extracted = null;
    for (Propagation propagation : propagations) {
      TraceContext c = extractQuietly(propagation, carrier, getter);
      if (c == null) continue;
      if (c.hasIds()) {
        extracted = c;
        break;
      }
      if (extracted == null) extracted = c; // a decision alone; a later format may carry ids
    }
    String requestId = requestIds.extract(carrier, getter);
    if (extracted == null) {
      return new TraceContext(0, 0, 0, 0, 0, null, requestId);
    }
    if (requestId == null && extracted.requestId == null) return extracted;
    return new TraceContext(extracted.traceIdHigh, extracted.traceId, extracted.parentId,
        extracted.spanId, extracted.flags, extracted.traceState, requestId);
  }

  private static <C> TraceContext extractQuietly(Propagation p, C carrier, Propagation.Getter<C> getter) {
    try {
      return p.extract(carrier, getter);
    } catch (RuntimeException e) {
      // A format must never throw; if one does, the request still goes on as a new trace.
      LOG.debug("propagation {} failed to extract", p, e);
      return null;
    }
  }

  /** Writes {@code context} in every configured format, and its Request-Id, onto a request. */
  public <C> void inject(TraceContext context, C carrier, Propagation.Setter<C> setter) {
    if (context.hasIds()) {
      for (Propagation propagation : propagations) {
        propagation.inject(context, carrier, setter);
      }
    }
    if (context.requestId != null) setter.set(carrier, requestIds.header(), context.requestId);
  }

  /** A task that runs with the span that is current now. */
  @SuppressWarnings("try") // the scope is closed to restore the previous span, never read
  public Runnable wrap(Runnable task) {
    Span span = CurrentSpan.get();
    return () -> {
      try (Scope scope = CurrentSpan.set(span)) {
        task.run();
      }
    };
  }

  /** A task that runs with the span that is current now. */
  @SuppressWarnings("try") // the scope is closed to restore the previous span, never read
  public <V> Callable<V> wrap(Callable<V> task) {
    Span span = CurrentSpan.get();
    return () -> {
      try (Scope scope = CurrentSpan.set(span)) {
        return task.call();
      }
    };
  }

  /** An executor whose tasks run with the span that was current when each was submitted. */
  public Executor wrap(Executor executor) {
    return task -> executor.execute(wrap(task));
  }

  /** An executor service whose tasks run with the span that was current when each was submitted. */
  public ExecutorService wrap(ExecutorService executor) {
    return new ContextExecutorService(this, executor);
  }

  /** Hands a finished span to every reporter; a failing reporter is logged once and ignored. */
  void report(RealSpan span) {
    for (int i = 0; i < reporters.length; i++) {
      try {
        reporters[i].report(span);
      } catch (Throwable t) {
        if (!reporterFailed[i]) {
          reporterFailed[i] = true;
          LOG.warn("reporter {} failed; its later failures are not logged", reporters[i], t);
        }
      }
    }
  }

  /** Flushes and closes the reporters. Spans finished afterwards are not recorded. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    for (Reporter reporter : reporters) {
      try {
        reporter.close();
      } catch (RuntimeException e) {
        LOG.warn("reporter {} failed to close", reporter, e);
      }
    }
  }

  @Override
  public String toString() {
    return "Divak{" + serviceName + "}";
  }

  private static long nonZero(ThreadLocalRandom random) {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }

  /** Configures a {@link Divak}. */
  public static final class Builder {
    private String serviceName;
    private Sampler sampler = Sampler.always();
    private final List<Propagation> propagations = new ArrayList<>();
    private final List<Reporter> reporters = new ArrayList<>();
    private Clock clock;
    private String requestIdHeader = RequestIds.DEFAULT_HEADER;
    private Supplier<String> requestIdGenerator = RequestIds.UUID_V4;
    private int maxMetricSeries = Metrics.DEFAULT_MAX_SERIES;

    Builder() {
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
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("requestIdHeader must not be blank: was '" + name + "'");
      }
      this.requestIdHeader = name;
      return this;
    }

    /**
     * Makes the Request-Id of requests that arrive without a valid one; default a random UUID.
     * Pass null to turn generation off: such requests then have no Request-Id. A generated value
     * that is not a valid Request-Id (1 to 200 printable ASCII characters) is dropped.
     */
    public Builder requestIdGenerator(Supplier<String> generator) {
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
     * Builds the tracer.
     *
     * @throws IllegalStateException when no service name, or a blank one, was given
     */
    public Divak build() {
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
