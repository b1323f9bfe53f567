package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Sampler;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import divak.testing.Await;
import divak.testing.Ports;
import divak.testing.Promtool;
import divak.testing.Require;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian package {@code prometheus}) scrapes a Jersey service's {@code
 * /metrics} every second, and its query API reports exactly the requests this test made:
 * concurrent ones, unsampled ones, and hostile paths that all land in one series.
 */
class PrometheusScrapeTest {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final int THREADS = 8;
  static final int ORDERS_PER_THREAD = 25;
  static final int UNSAMPLED = 30;
  static final int HOSTILE = 40;
  static final int BROKEN = 7;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  final List<AutoCloseable> closeables = new ArrayList<>();
  Process prometheus;
  Path prometheusLog;

  @BeforeAll
  static void onlyOnJersey() {
    Require.onClassPath("org.glassfish.jersey.server.ResourceConfig",
        "the pom's default-test execution runs this class with Jersey on its class path");
  }

  @AfterEach
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) prometheus.destroyForcibly().waitFor();
    }
    for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
  }

  @Test
  void prometheusCountsEveryRequestTheTestMade(@TempDir Path dir) throws Exception {
    InMemoryReporter reporter = Reporter.inMemory();
    Divak divak = Divak.builder().serviceName("shop").sampler(Sampler.always()).reporter(reporter).build();
    MetricsTestServer server = new MetricsTestServer(8, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    closeables.add(server);
    closeables.add(divak);
    URI prometheusUri = startPrometheus(dir, server.uri().getPort());
    awaitQuery(prometheusUri, "sum(up{job=\"divak\"})", 1, "the first scrape");

    // Concurrent requests: THREADS workers, each ORDERS_PER_THREAD orders, BROKEN of them fail.
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < ORDERS_PER_THREAD; i++) {
            if (get(server.uri("/shop/orders/" + thread + "-" + i)).statusCode() == 200) ok++;
          }
          return ok;
        }));
      }
      for (int i = 0; i < BROKEN; i++) {
        assertThat(get(server.uri("/shop/broken")).statusCode()).isEqualTo(500);
      }
      for (Future<Integer> w : workers) assertThat(w.get(120, TimeUnit.SECONDS)).isEqualTo(ORDERS_PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
    // Unsampled by the caller: reported nowhere, counted all the same.
    for (int i = 0; i < UNSAMPLED; i++) {
      HttpResponse<String> r = get(server.uri("/shop/orders/u" + i),
          "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-00");
      assertThat(r.statusCode()).isEqualTo(200);
    }
    // Hostile paths: every one different, none a route.
    for (int i = 0; i < HOSTILE; i++) {
      HttpResponse<String> r = get(server.uri("/admin/" + UUID.randomUUID() + "/..%2F..%2Fetc%22%7B%7D"));
      assertThat(r.statusCode()).isEqualTo(404);
    }

    int orders = THREADS * ORDERS_PER_THREAD + UNSAMPLED;
    String route = "route=\"/shop/orders/{id}\"";
    awaitQuery(prometheusUri, "sum(divak_http_server_requests_total{" + route + ",status=\"200\"})",
        orders, "orders");
    assertThat(query(prometheusUri, "sum(divak_http_server_request_duration_seconds_count{" + route + "})"))
        .isEqualTo(orders);
    assertThat(query(prometheusUri,
        "sum(divak_http_server_request_duration_seconds_bucket{" + route + ",le=\"+Inf\"})"))
        .isEqualTo(orders);
    awaitQuery(prometheusUri, "sum(divak_http_server_errors_total{route=\"/shop/broken\",status=\"500\"})",
        BROKEN, "errors");
    awaitQuery(prometheusUri, "sum(divak_http_server_requests_total{route=\"unmatched\",status=\"404\"})",
        HOSTILE, "hostile requests");
    // The hostile paths made no series: orders, broken, unmatched, and the scrapes' own route.
    assertThat(query(prometheusUri, "count(divak_http_server_requests_total)")).isEqualTo(4);
    assertThat(query(prometheusUri, "count(divak_http_server_requests_total{route=~\".*admin.*\"})"))
        .isEqualTo(-1);
    assertThat(query(prometheusUri, "sum(divak_metrics_series_refused_total)")).isZero();
    // Sampled spans were reported for the sampled orders only.
    assertThat(reporter.spans().stream().filter(s -> s.name().equals("GET /shop/orders/{id}")).count())
        .isEqualTo(THREADS * ORDERS_PER_THREAD);
  }

  HttpResponse<String> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) request.headers(headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Starts Prometheus on 127.0.0.1 scraping {@code /metrics} of the service every second. */
  URI startPrometheus(Path dir, int servicePort) throws Exception {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, ""
        + "global:\n"
        + "  scrape_interval: 1s\n"
        + "  scrape_timeout: 1s\n"
        + "scrape_configs:\n"
        + "  - job_name: divak\n"
        + "    metrics_path: /metrics\n"
        + "    static_configs:\n"
        + "      - targets: ['127.0.0.1:" + servicePort + "']\n");
    prometheusLog = dir.resolve("prometheus.log");
    // Port 0: Prometheus binds a port of its own; it is read from its listening socket.
    prometheus = new ProcessBuilder(Promtool.executable("prometheus", "divak.prometheus"),
        "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:0",
        "--web.console.templates=" + dir.resolve("consoles"),
        "--web.console.libraries=" + dir.resolve("console_libraries"),
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(prometheusLog.toFile())
        .start();
    int port;
    try {
      port = Ports.awaitListening(prometheus, "prometheus");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + ":\n" + log(), e);
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    Await.value("prometheus ready at " + uri, () -> http.send(
        HttpRequest.newBuilder(uri.resolve("/-/ready")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode(), status -> status == 200);
    return uri;
  }

  /** Polls {@code promql} until it equals {@code expected}: Prometheus scrapes once a second. */
  void awaitQuery(URI prometheus, String promql, double expected, String what) throws Exception {
    try {
      Await.value(what + ": " + promql + " == " + expected, () -> query(prometheus, promql),
          value -> value == expected);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\ntargets: "
          + body(prometheus.resolve("/api/v1/targets")) + "\nlog:\n" + log(), e);
    }
  }

  private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"\\]");

  /** The single value of an instant query; -1 when the result is empty. */
  double query(URI prometheus, String promql) throws Exception {
    String response = body(prometheus.resolve(
        "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    assertThat(response).as(promql).contains("\"status\":\"success\"");
    Matcher m = VALUE.matcher(response);
    if (!m.find()) {
      assertThat(response).as(promql).contains("\"result\":[]");
      return -1;
    }
    double value = Double.parseDouble(m.group(1));
    assertThat(m.find()).as("one series in " + response).isFalse();
    return value;
  }

  String body(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  String log() {
    try {
      return Files.readString(prometheusLog);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
