package divak.benchmarks;

import static divak.benchmarks.Workload.SERVICE;
import static divak.benchmarks.Workload.check;

import divak.Divak;
import divak.Sampler;
import divak.metrics.Metrics;
import divak.metrics.Route;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The cost of the metrics every request pays, sampled or not: one server request recorded
 * (request count, histogram bucket, sum) with the route handle kept by the filter ({@code
 * divakRoute}) or looked up by method and template each time ({@code divakLookup}); one user
 * counter ({@code divakCount}); and, as the baseline, the OpenTelemetry SDK recording a request
 * counter and a duration histogram with the same attributes.
 *
 * <p>Durations cycle through values that land in different buckets. Each state records in
 * {@code @Setup} and checks that the exposition shows exactly what was recorded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsBenchmarks {
  static final String METHOD = "GET";
  static final String ROUTE = "/orders/{id}";
  static final long[] DURATIONS = {
      1_200_000L, 7_000_000L, 3_000_000L, 42_000_000L, 900_000L, 180_000_000L, 2_000_000L, 15_000_000L
  };
  private static final int CHECK_OPS = 1_000;

  @Benchmark
  public void divakRoute(DivakState s) {
    s.route.record(200, s.nextDuration(), false);
  }

  @Benchmark
  public void divakLookup(DivakState s) {
    s.metrics.server(METHOD, s.routeName).record(200, s.nextDuration(), false);
  }

  @Benchmark
  public void divakCount(DivakState s) {
    s.divak.count("cache.miss");
  }

  @Benchmark
  public void otel(OtelState s) {
    long nanos = s.nextDuration();
    s.requests.add(1, s.attributes);
    s.duration.record(nanos / 1e9, s.attributes);
  }

  /** A tracer and its metrics; the route handle is looked up once, as a filter keeps it. */
  @State(Scope.Thread)
  public static class DivakState {
    Divak divak;
    Metrics metrics;
    Route route;
    // Not a constant, so that the JIT cannot fold the lookup away.
    String routeName = new String(ROUTE);
    int i;

    long nextDuration() {
      return DURATIONS[i++ & (DURATIONS.length - 1)];
    }

    @Setup(Level.Trial)
    public void setUp() {
      divak = Divak.builder().serviceName(SERVICE).sampler(Sampler.never()).build();
      metrics = divak.metrics();
      route = metrics.server(METHOD, ROUTE);
      MetricsBenchmarks b = new MetricsBenchmarks();
      for (int n = 0; n < CHECK_OPS; n++) {
        b.divakRoute(this);
        b.divakLookup(this);
        b.divakCount(this);
      }
      String text = exposition();
      String labels = "{method=\"GET\",route=\"/orders/{id}\",status=\"200\"}";
      check(text.contains("divak_http_server_requests_total" + labels + " " + 2 * CHECK_OPS + "\n"),
          "divak counted " + 2 * CHECK_OPS + " requests:\n" + text);
      check(text.contains("divak_http_server_request_duration_seconds_count" + labels + " "
          + 2 * CHECK_OPS + "\n"), "divak histogram count");
      check(text.contains("divak_events_total{event=\"cache.miss\"} " + CHECK_OPS + "\n"),
          "divak counted the events");
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
      check(exposition().contains("divak_metrics_series_refused_total 0\n"),
          "divak refused a recording");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      divak.close();
    }

    String exposition() {
      StringBuilder out = new StringBuilder();
      try {
        metrics.writePrometheus(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }
  }

  /** The OpenTelemetry SDK with a reader that collects on demand, so instruments are live. */
  @State(Scope.Thread)
  public static class OtelState {
    SdkMeterProvider provider;
    final PullReader reader = new PullReader();
    LongCounter requests;
    DoubleHistogram duration;
    final Attributes attributes = Attributes.of(
        AttributeKey.stringKey("http.request.method"), METHOD,
        AttributeKey.stringKey("http.route"), ROUTE,
        AttributeKey.longKey("http.response.status_code"), 200L);
    int i;

    long nextDuration() {
      return DURATIONS[i++ & (DURATIONS.length - 1)];
    }

    @Setup(Level.Trial)
    public void setUp() {
      provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
      Meter meter = provider.get("divak.benchmarks");
      requests = meter.counterBuilder("http.server.requests").build();
      duration = meter.histogramBuilder("http.server.request.duration").setUnit("s").build();
      MetricsBenchmarks b = new MetricsBenchmarks();
      for (int n = 0; n < CHECK_OPS; n++) b.otel(this);
      long count = 0;
      for (MetricData data : reader.registration.collectAllMetrics()) {
        if (data.getName().equals("http.server.request.duration")) {
          count += data.getHistogramData().getPoints().iterator().next().getCount();
        }
      }
      check(count == CHECK_OPS, "otel histogram count " + count + " of " + CHECK_OPS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      provider.close();
    }
  }

  static final class PullReader implements MetricReader {
    CollectionRegistration registration = CollectionRegistration.noop();

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
