package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Sampler;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import divak.testing.Ports;
import divak.testing.Promtool;
import divak.testing.Require;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics {@link DivakFeature} records on a real Jersey server and client, and the endpoint
 * that serves them: every request counted, sampled or not, by route template; errors; client
 * calls; unmatched and hostile requests held to one series; the exposition accepted by promtool.
 */
class MetricsEndpointTest {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  final InMemoryReporter reporter = Reporter.inMemory();
  final List<AutoCloseable> closeables = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Runs only in the JVM that has Jersey on its classpath (see the pom). */
  @BeforeAll
  static void onlyOnJersey() {
    Require.onClassPath("org.glassfish.jersey.server.ResourceConfig",
        "the pom's default-test execution runs this class with Jersey on its class path");
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
  }

  MetricsTestServer serve(Divak divak, DivakFeature feature) {
    MetricsTestServer server = new MetricsTestServer(4, feature);
    closeables.add(server);
    closeables.add(divak);
    return server;
  }

  Divak divak(Sampler sampler) {
    return Divak.builder().serviceName("shop").sampler(sampler).reporter(reporter).build();
  }

  HttpResponse<String> send(String method, URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) request.headers(headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  Map<String, Double> scrape(MetricsTestServer server) throws Exception {
    HttpResponse<String> response = send("GET", server.uri("/metrics"));
    assertThat(response.statusCode()).isEqualTo(200);
    return parse(response.body());
  }

  @Test
  void servesTheExpositionAsPrometheusTextThatPromtoolAccepts() throws Exception {
    Divak divak = divak(Sampler.always());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    send("GET", server.uri("/shop/orders/1"));
    send("GET", server.uri("/shop/broken"));
    send("GET", server.uri("/no/such/path"));
    divak.count("cache.miss");

    HttpResponse<String> response = send("GET", server.uri("/metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain").contains("version=0.0.4");
    assertThat(response.body())
        .contains("# TYPE divak_http_server_requests_total counter\n")
        .contains("divak_http_server_requests_total{method=\"GET\",route=\"/shop/orders/{id}\",status=\"200\"} 1\n")
        .contains("divak_events_total{event=\"cache.miss\"} 1\n");
    Promtool.Result lint = Promtool.checkMetrics(response.body());
    assertThat(lint.output()).as("promtool check metrics on:\n" + response.body()).isEmpty();
    assertThat(lint.exitCode()).isZero();
  }

  @Test
  void everyRequestIsCountedSampledOrNot() throws Exception {
    Divak divak = divak(Sampler.always());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    for (int i = 0; i < 3; i++) send("GET", server.uri("/shop/orders/" + i));
    for (int i = 0; i < 4; i++) {
      // The caller decided not to record: no span is reported, the request is still counted.
      send("GET", server.uri("/shop/orders/" + i), "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-00");
    }

    assertThat(scrape(server))
        .containsEntry("divak_http_server_requests_total{method=\"GET\",route=\"/shop/orders/{id}\",status=\"200\"}", 7.0)
        .containsEntry("divak_http_server_request_duration_seconds_count{method=\"GET\",route=\"/shop/orders/{id}\",status=\"200\"}", 7.0)
        .doesNotContainKey("divak_http_server_errors_total{method=\"GET\",route=\"/shop/orders/{id}\",status=\"200\"}");
    assertThat(reporter.spans()).filteredOn(s -> s.name().equals("GET /shop/orders/{id}")).hasSize(3);
  }

  @Test
  void aTracerThatSamplesNothingStillCountsEverything() throws Exception {
    Divak divak = divak(Sampler.never());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    for (int i = 0; i < 5; i++) send("GET", server.uri("/shop/orders/" + i));

    assertThat(scrape(server))
        .containsEntry("divak_http_server_requests_total{method=\"GET\",route=\"/shop/orders/{id}\",status=\"200\"}", 5.0);
    assertThat(reporter.spans()).isEmpty();
  }

  @Test
  void requestMetricsOffRecordNoRequestSeriesButStillTrace() throws Exception {
    Divak divak = Divak.builder().serviceName("shop").reporter(reporter).metrics(false).build();
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    Client client = ClientBuilder.newClient().register(new DivakFeature(divak));
    closeables.add(client::close);
    for (int i = 0; i < 3; i++) send("GET", server.uri("/shop/orders/" + i));
    send("GET", server.uri("/nothing/here"));
    assertThat(client.target(server.uri("/shop/orders/9")).request().get(String.class)).isEqualTo("order 9");

    Map<String, Double> samples = scrape(server);
    assertThat(samples.keySet()).noneMatch(k -> k.startsWith("divak_http_"));
    assertThat(reporter.spans()).filteredOn(s -> s.name().equals("GET /shop/orders/{id}")).hasSize(4);
    assertThat(divak.recordsRequestMetrics()).isFalse();
  }

  @Test
  void exceptionsAnd5xxAreErrors() throws Exception {
    Divak divak = divak(Sampler.always());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    send("GET", server.uri("/shop/broken"));
    send("GET", server.uri("/shop/unavailable"));
    send("GET", server.uri("/shop/unavailable"));

    assertThat(scrape(server))
        .containsEntry("divak_http_server_errors_total{method=\"GET\",route=\"/shop/broken\",status=\"500\"}", 1.0)
        .containsEntry("divak_http_server_errors_total{method=\"GET\",route=\"/shop/unavailable\",status=\"503\"}", 2.0);
  }

  @Test
  void hostilePathsAndMethodsCannotCreateSeries() throws Exception {
    Divak divak = divak(Sampler.always());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    send("GET", server.uri("/shop/orders/1"));
    int before = scrape(server).size();

    for (int i = 0; i < 25; i++) {
      send("GET", server.uri("/probe/" + UUID.randomUUID() + "/%22%0Aevil%7B%7D"));
    }
    for (int i = 0; i < 5; i++) send("X-EVIL-" + i, server.uri("/shop/orders/1"));

    Map<String, Double> samples = scrape(server);
    assertThat(samples)
        .containsEntry("divak_http_server_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}", 25.0);
    assertThat(samples.keySet()).noneMatch(k -> k.contains("probe") || k.contains("evil") || k.contains("EVIL"));
    assertThat(samples.keySet()).filteredOn(k -> k.startsWith("divak_http_server_requests_total{method=\"_OTHER\""))
        .hasSize(1);
    // Before: the order's series. Since: the first scrape's own, and from the 30 hostile
    // requests only the unmatched series and one _OTHER series (whatever status the container
    // answers a made-up method with). A series is 18 samples: a counter, 15 buckets, sum, count;
    // none of these failed, so none has an errors line.
    assertThat(samples.keySet()).filteredOn(k -> k.startsWith("divak_http_server_requests_total{"))
        .hasSize(4);
    assertThat(samples.keySet()).noneMatch(k -> k.startsWith("divak_http_server_errors_total{"));
    assertThat(samples).hasSize(before + 3 * 18);
  }

  @Test
  void clientCallsAreCountedByHostAndAFailedCallAsStatusZero() throws Exception {
    Divak divak = divak(Sampler.always());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false).metricsAt("/metrics"));
    Client client = ClientBuilder.newClient().register(new DivakFeature(divak));
    closeables.add(client::close);
    String host = "127.0.0.1:" + server.uri().getPort();

    assertThat(client.target(server.uri("/shop/orders/9")).request().get(String.class)).isEqualTo("order 9");
    assertThat(client.target(server.uri("/shop/unavailable")).request().get().getStatus()).isEqualTo(503);
    Ports.Refusing refusing = Ports.refusing();
    closeables.add(refusing::close);
    int closed = refusing.port();
    try {
      client.target("http://127.0.0.1:" + closed + "/x").request().get();
    } catch (ProcessingException expected) {
      // connection refused
    }

    Map<String, Double> samples = scrape(server);
    assertThat(samples)
        .containsEntry("divak_http_client_requests_total{method=\"GET\",host=\"" + host + "\",status=\"200\"}", 1.0)
        .containsEntry("divak_http_client_errors_total{method=\"GET\",host=\"" + host + "\",status=\"503\"}", 1.0)
        .containsEntry("divak_http_client_requests_total{method=\"GET\",host=\"127.0.0.1:" + closed + "\",status=\"0\"}", 1.0)
        .containsEntry("divak_http_client_errors_total{method=\"GET\",host=\"127.0.0.1:" + closed + "\",status=\"0\"}", 1.0);
  }

  @Test
  void theEndpointIsOffUnlessAsked() throws Exception {
    Divak divak = divak(Sampler.always());
    MetricsTestServer server = serve(divak, new DivakFeature(divak).accessLog(false));

    assertThat(send("GET", server.uri("/metrics")).statusCode()).isEqualTo(404);
    // Recorded all the same, for an application that serves them itself.
    StringBuilder text = new StringBuilder();
    divak.metrics().writePrometheus(text);
    assertThat(text).contains("route=\"unmatched\",status=\"404\"} 1\n");
  }

  @Test
  void theEndpointPathIsValidated() {
    Divak divak = divak(Sampler.always());
    closeables.add(divak);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DivakFeature(divak).metricsAt(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metricsAt");
  }

  /** Each sample line of an exposition, name and labels as written, to its value. */
  static Map<String, Double> parse(String exposition) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }
}
