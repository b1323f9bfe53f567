package divak.metrics;

// Long because the lock-free tables for server and client series and their refusal cap are one
// structure; the Prometheus text is in PrometheusText.

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Counts every request a service handles and every call it makes, sampled or not, and the events
 * its code counts; writes them in the Prometheus text format.
 *
 * <pre>{@code
 * Route route = metrics.server("GET", "/orders/{id}");   // look up once per route, keep it
 * long start = System.nanoTime();
 * ...
 * route.record(status, System.nanoTime() - start, failed);
 *
 * metrics.writePrometheus(writer);                       // what /metrics serves
 * }</pre>
 *
 * <p>Recording takes no lock: counts are striped ({@link LongAdder}) and series are found in
 * concurrent maps keyed by strings the caller already holds. The number of series is capped
 * ({@link #maxSeries()}); a recording that would create a series beyond the cap is dropped and
 * counted in {@code divak_metrics_series_refused_total}.
 *
 * <p>Metric families, in the order written:
 * <ul>
 *   <li>{@code divak_http_server_requests_total{method,route,status}} counter
 *   <li>{@code divak_http_server_errors_total{method,route,status}} counter: 5xx or an unmapped
 *       exception; written only for a series that has counted an error, so a 200 or a 404 has
 *       no errors series
 *   <li>{@code divak_http_server_request_duration_seconds{method,route,status}} histogram
 *   <li>the same three as {@code divak_http_client_...{method,host,status}}; a call's errors are
 *       a 4xx or 5xx status, no response ({@code status="0"}) or an exception
 *   <li>{@code divak_events_total{event}} counter, from {@link #count}
 *   <li>{@code divak_reporter_spans_total{reporter,outcome}} counter: what became of the spans
 *       handed to each reporter registered with {@link #reporter}, {@code outcome} one of
 *       {@code reported}, {@code dropped}, {@code failed}
 *   <li>{@code divak_metrics_series} gauge and {@code divak_metrics_series_refused_total} counter
 * </ul>
 */
public final class Metrics {
  /** The default cap on the number of series. */
  public static final int DEFAULT_MAX_SERIES = 1000;

  /**
   * The route label of server requests that matched no resource (a 404 for any path), so that
   * probing random paths cannot create series.
   */
  public static final String UNMATCHED_ROUTE = "unmatched";

  private final int maxSeries;
  private final AtomicInteger seriesCount = new AtomicInteger();
  private final AtomicInteger routeCount = new AtomicInteger();
  private final LongAdder refused = new LongAdder();
  private final Table server = new Table(Direction.SERVER);
  private final Table client = new Table(Direction.CLIENT);
  private final ConcurrentHashMap<String, LongAdder> events = new ConcurrentHashMap<>();
  private final List<ReporterCounts> reporters = new CopyOnWriteArrayList<>();

  private Metrics(int maxSeries) {
    this.maxSeries = maxSeries;
  }

  /** A registry that holds at most {@link #DEFAULT_MAX_SERIES} series. */
  public static Metrics create() {
    return new Metrics(DEFAULT_MAX_SERIES);
  }

  /**
   * A registry that holds at most {@code maxSeries} series. A series is one method, route and
   * status of a server or client, or one event name.
   */
  public static Metrics create(int maxSeries) {
    if (maxSeries < 1) {
      throw new IllegalArgumentException("maxSeries should be at least 1: was " + maxSeries);
    }
    return new Metrics(maxSeries);
  }

  /** The cap on the number of series. */
  public int maxSeries() {
    return maxSeries;
  }

  /**
   * The handle of a server route: {@code route} is the matched template ({@code /orders/{id}}),
   * never the raw path; null means {@link #UNMATCHED_ROUTE}. A method outside HTTP's is labelled
   * {@code _OTHER}. Returns the same handle for the same method and route.
   */
  public Route server(@Nullable String method, @Nullable String route) {
    return server.route(method, route != null ? route : UNMATCHED_ROUTE);
  }

  /**
   * The handle of a client target: {@code host} is the called host and port ({@code
   * inventory:8080}), never a path. Returns the same handle for the same method and host.
   */
  public Route client(@Nullable String method, @Nullable String host) {
    return client.route(method, host != null ? host : "");
  }

  /** Records a request handled; the same as {@code server(method, route).record(...)}. */
  public void recordServer(@Nullable String method, @Nullable String route, int status,
      long durationNanos, boolean error) {
    server(method, route).record(status, durationNanos, error);
  }

  /** Records a call made; the same as {@code client(method, host).record(...)}. */
  public void recordClient(@Nullable String method, @Nullable String host, int status,
      long durationNanos, boolean error) {
    client(method, host).record(status, durationNanos, error);
  }

  /** Adds one to the counter of {@code event}, exposed as {@code divak_events_total{event}}. */
  public void count(String event) {
    count(event, 1);
  }

  /** Adds {@code n}, zero or more, to the counter of {@code event}. */
  public void count(String event, long n) {
    if (event == null) throw new NullPointerException("event == null");
    if (n < 0) throw new IllegalArgumentException("a count cannot go down: n was " + n);
    LongAdder counter = events.get(event);
    if (counter == null) {
      counter = addEvent(event);
      if (counter == null) {
        refuse();
        return;
      }
    }
    counter.add(n);
  }

  private @Nullable LongAdder addEvent(String event) {
    if (!reserveSeries()) return null;
    LongAdder created = new LongAdder();
    LongAdder existing = events.putIfAbsent(event, created);
    if (existing == null) return created;
    releaseSeries();
    return existing;
  }

  /**
   * Adds a reporter's span counts to the output, as {@code
   * divak_reporter_spans_total{reporter="name",outcome="reported|dropped|failed"}}; read at each
   * scrape. {@link divak.Divak} registers its Zipkin reporters itself.
   */
  public void reporter(String name, LongSupplier reported, LongSupplier dropped,
      LongSupplier failed) {
    if (name == null) throw new NullPointerException("name == null");
    if (reported == null || dropped == null || failed == null) {
      throw new NullPointerException("reporter counts == null");
    }
    reporters.add(new ReporterCounts(name, reported, dropped, failed));
  }

  private record ReporterCounts(String name, LongSupplier reported, LongSupplier dropped,
      LongSupplier failed) {
  }

  /**
   * Writes every series in the Prometheus text format, version 0.0.4, in a fixed order: families
   * as listed above, series sorted by their labels. Safe to call while requests are recorded.
   */
  public void writePrometheus(Appendable out) throws IOException {
    server.write(out);
    client.write(out);
    writeEvents(out);
    writeReporters(out);

    PrometheusText.header(out, "divak_metrics_series", "gauge",
        "Series held by divak's metrics, of at most " + maxSeries + ".");
    out.append("divak_metrics_series ").append(Integer.toString(seriesCount.get())).append('\n');
    PrometheusText.header(out, "divak_metrics_series_refused_total", "counter",
        "Recordings dropped because they would have created a series beyond the limit of "
            + maxSeries + ".");
    out.append("divak_metrics_series_refused_total ").append(Long.toString(refused.sum()))
        .append('\n');
  }

  /** The media type of {@link #writePrometheus}'s output, for an HTTP response. */
  public static String contentType() {
    return PrometheusText.CONTENT_TYPE;
  }

  private void writeEvents(Appendable out) throws IOException {
    PrometheusText.header(out, "divak_events_total", "counter",
        "Events counted by the service's code, by event name.");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(events).entrySet()) {
      PrometheusText.start(out, "divak_events_total");
      PrometheusText.label(out, true, "event", e.getKey());
      PrometheusText.end(out, e.getValue().sum());
    }
  }

  private void writeReporters(Appendable out) throws IOException {
    if (reporters.isEmpty()) return;
    PrometheusText.header(out, "divak_reporter_spans_total", "counter",
        "Spans handed to a reporter, by what became of them.");
    for (ReporterCounts r : reporters) {
      reporterLine(out, r.name(), "reported", r.reported());
      reporterLine(out, r.name(), "dropped", r.dropped());
      reporterLine(out, r.name(), "failed", r.failed());
    }
  }

  private static void reporterLine(Appendable out, String reporter, String outcome,
      LongSupplier count) throws IOException {
    PrometheusText.start(out, "divak_reporter_spans_total");
    PrometheusText.label(out, true, "reporter", reporter);
    PrometheusText.label(out, false, "outcome", outcome);
    PrometheusText.end(out, count.getAsLong());
  }

  boolean reserveSeries() {
    while (true) {
      int n = seriesCount.get();
      if (n >= maxSeries) return false;
      if (seriesCount.compareAndSet(n, n + 1)) return true;
    }
  }

  void releaseSeries() {
    seriesCount.decrementAndGet();
  }

  void refuse() {
    refused.increment();
  }

  long refusedCount() {
    return refused.sum();
  }

  int seriesCount() {
    return seriesCount.get();
  }

  @Override
  public String toString() {
    return "Metrics{series=" + seriesCount.get() + "/" + maxSeries + "}";
  }

  /** The routes of one direction: a map per method, so a lookup allocates no composite key. */
  private final class Table {
    private final Direction direction;
    private final Route refusedRoute;
    private final List<ConcurrentHashMap<String, Route>> byMethod =
        new ArrayList<>(HttpMethods.ALL.length);

    Table(Direction direction) {
      this.direction = direction;
      this.refusedRoute = new Route(Metrics.this, direction, HttpMethods.OTHER, "", true);
      for (int i = 0; i < HttpMethods.ALL.length; i++) byMethod.add(new ConcurrentHashMap<>());
    }

    Route route(String method, String target) {
      int m = HttpMethods.index(method);
      ConcurrentHashMap<String, Route> routes = byMethod.get(m);
      Route route = routes.get(target);
      if (route != null) return route;
      // A route holds no series until it records, but is capped as well, so that looking up
      // endless distinct targets cannot grow the maps either.
      if (routeCount.incrementAndGet() > maxSeries) {
        routeCount.decrementAndGet();
        return refusedRoute;
      }
      Route created = new Route(Metrics.this, direction, HttpMethods.ALL[m], target, false);
      route = routes.putIfAbsent(target, created);
      if (route == null) return created;
      routeCount.decrementAndGet();
      return route;
    }

    void write(Appendable out) throws IOException {
      List<Row> rows = rows();
      Direction d = direction;
      PrometheusText.header(out, d.requestsTotal, "counter", d.requestsHelp);
      for (Row row : rows) {
        labels(out, d.requestsTotal, row);
        PrometheusText.end(out, row.snapshot.count());
      }
      PrometheusText.header(out, d.errorsTotal, "counter", d.errorsHelp);
      for (Row row : rows) {
        if (row.snapshot.errors() == 0) continue; // no errors series for what never failed
        labels(out, d.errorsTotal, row);
        PrometheusText.end(out, row.snapshot.errors());
      }
      PrometheusText.header(out, d.duration, "histogram", d.durationHelp);
      String bucket = d.duration + "_bucket";
      for (Row row : rows) {
        long[] buckets = row.snapshot.buckets();
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
          cumulative += buckets[i];
          labels(out, bucket, row);
          PrometheusText.label(out, false, "le", Buckets.LE[i]);
          PrometheusText.end(out, cumulative);
        }
        labels(out, d.duration + "_sum", row);
        PrometheusText.end(out, row.snapshot.sumNanos() / 1e9);
        labels(out, d.duration + "_count", row);
        PrometheusText.end(out, row.snapshot.count());
      }
    }

    private void labels(Appendable out, String name, Row row) throws IOException {
      PrometheusText.start(out, name);
      PrometheusText.label(out, true, "method", row.route.method);
      PrometheusText.label(out, false, direction.targetLabel, row.route.target);
      PrometheusText.label(out, false, "status", row.series.statusLabel);
    }

    private List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      for (ConcurrentHashMap<String, Route> routes : byMethod) {
        for (Route route : routes.values()) {
          for (Series series : route.series()) {
            rows.add(new Row(route, series, series.snapshot()));
          }
        }
      }
      rows.sort(ROW_ORDER);
      return rows;
    }
  }

  private static final Comparator<Row> ROW_ORDER = Comparator
      .comparing((Row r) -> r.route.method)
      .thenComparing(r -> r.route.target)
      .thenComparingInt(r -> r.series.status);

  private record Row(Route route, Series series, Series.Snapshot snapshot) {
  }
}
