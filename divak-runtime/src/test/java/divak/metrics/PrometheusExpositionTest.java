package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text format, version 0.0.4: names, labels, escaping, histograms and order. */
class PrometheusExpositionTest {
  static final long MS = 1_000_000L;

  @Test
  void writesCountersAndACumulativeHistogramPerRouteAndStatus() {
    Metrics metrics = Metrics.create();
    Route route = metrics.server("GET", "/orders/{id}");
    route.record(200, 3 * MS, false);      // le 0.005
    route.record(200, 5 * MS, false);      // le 0.005: the bound is inclusive
    route.record(200, 80 * MS, false);     // le 0.1
    route.record(200, 11_000 * MS, false); // only +Inf
    route.record(500, 20 * MS, false);     // a 5xx is an error without being told

    String text = Samples.write(metrics);
    String labels = "method=\"GET\",route=\"/orders/{id}\",status=\"200\"";
    assertThat(text).contains(
        "# HELP divak_http_server_requests_total Requests handled, by method, route and status.\n"
            + "# TYPE divak_http_server_requests_total counter\n"
            + "divak_http_server_requests_total{" + labels + "} 4\n"
            + "divak_http_server_requests_total{method=\"GET\",route=\"/orders/{id}\",status=\"500\"} 1\n",
        // No errors series for a status that never failed: the 200s have none.
        "# TYPE divak_http_server_errors_total counter\n"
            + "divak_http_server_errors_total{method=\"GET\",route=\"/orders/{id}\",status=\"500\"} 1\n",
        "# TYPE divak_http_server_request_duration_seconds histogram\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 2\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.01\"} 2\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.025\"} 2\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.05\"} 2\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.075\"} 2\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.1\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.25\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.5\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.75\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"1\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"2.5\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"5\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"7.5\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"10\"} 3\n"
            + "divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 4\n"
            + "divak_http_server_request_duration_seconds_sum{" + labels + "} 11.088\n"
            + "divak_http_server_request_duration_seconds_count{" + labels + "} 4\n");
  }

  @Test
  void writesEveryFamilyWithHelpAndTypeEvenWhenEmpty() {
    String text = Samples.write(Metrics.create());
    assertThat(text).isEqualTo(""
        + "# HELP divak_http_server_requests_total Requests handled, by method, route and status.\n"
        + "# TYPE divak_http_server_requests_total counter\n"
        + "# HELP divak_http_server_errors_total Requests handled that failed (a 5xx status or an"
        + " exception), by method, route and status.\n"
        + "# TYPE divak_http_server_errors_total counter\n"
        + "# HELP divak_http_server_request_duration_seconds Duration of each request in seconds,"
        + " by method, route and status.\n"
        + "# TYPE divak_http_server_request_duration_seconds histogram\n"
        + "# HELP divak_http_client_requests_total Calls made, by method, host and status.\n"
        + "# TYPE divak_http_client_requests_total counter\n"
        + "# HELP divak_http_client_errors_total Calls made that failed (a 4xx or 5xx status, no"
        + " response or an exception), by method, host and status.\n"
        + "# TYPE divak_http_client_errors_total counter\n"
        + "# HELP divak_http_client_request_duration_seconds Duration of each call in seconds,"
        + " by method, host and status.\n"
        + "# TYPE divak_http_client_request_duration_seconds histogram\n"
        + "# HELP divak_events_total Events counted by the service's code, by event name.\n"
        + "# TYPE divak_events_total counter\n"
        + "# HELP divak_metrics_series Series held by divak's metrics, of at most 1000.\n"
        + "# TYPE divak_metrics_series gauge\n"
        + "divak_metrics_series 0\n"
        + "# HELP divak_metrics_series_refused_total Recordings dropped because they would have"
        + " created a series beyond the limit of 1000.\n"
        + "# TYPE divak_metrics_series_refused_total counter\n"
        + "divak_metrics_series_refused_total 0\n");
  }

  @Test
  void escapesBackslashQuoteAndNewlineInLabelValues() {
    Metrics metrics = Metrics.create();
    metrics.recordServer("GET", "/a\\b/\"q\"/x\ny", 200, 1, false);
    metrics.count("say \"hi\"\\\n");

    String text = Samples.write(metrics);
    assertThat(text)
        .contains("divak_http_server_requests_total{method=\"GET\",route=\"/a\\\\b/\\\"q\\\"/x\\ny\","
            + "status=\"200\"} 1\n")
        .contains("divak_events_total{event=\"say \\\"hi\\\"\\\\\\n\"} 1\n");
    // No raw newline inside any sample line: every line is a comment or name{...} value.
    for (String line : text.split("\n")) {
      assertThat(line).matches("# .*|[a-z_]+(\\{.*\\})? [0-9.E+-]+");
    }
  }

  @Test
  void clientCallsAreLabelledByHostAndACallWithoutResponseByStatusZero() {
    Metrics metrics = Metrics.create();
    Route inventory = metrics.client("POST", "inventory:8080");
    inventory.record(201, 2 * MS, false);
    inventory.record(0, 30 * MS, true);   // connection refused: no status
    inventory.record(777, 1 * MS, false); // not an HTTP status: recorded as 0, and a failure

    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    assertThat(samples)
        .containsEntry("divak_http_client_requests_total{method=\"POST\",host=\"inventory:8080\",status=\"201\"}", 1.0)
        .containsEntry("divak_http_client_requests_total{method=\"POST\",host=\"inventory:8080\",status=\"0\"}", 2.0)
        .containsEntry("divak_http_client_errors_total{method=\"POST\",host=\"inventory:8080\",status=\"0\"}", 2.0)
        .containsEntry("divak_http_client_request_duration_seconds_sum{method=\"POST\",host=\"inventory:8080\",status=\"0\"}", 0.031);
  }

  /**
   * OpenTelemetry's HTTP conventions, as divak-jaxrs' spans follow them: a 4xx is the client's
   * failure and not the server's; a 5xx is both's; a 1xx to 3xx is neither's. Told nothing, the
   * metrics decide by the status alone.
   */
  @Test
  void aClientCountsA4xxAsAnErrorAndAServerDoesNot() {
    Metrics metrics = Metrics.create();
    int[] statuses = {100, 200, 204, 301, 304, 399, 400, 404, 409, 429, 499, 500, 503, 599};
    for (int status : statuses) {
      metrics.recordServer("GET", "/orders/{id}", status, MS, false);
      metrics.recordClient("GET", "orders:8080", status, MS, false);
    }

    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    for (int status : statuses) {
      String server = "divak_http_server_errors_total{method=\"GET\",route=\"/orders/{id}\",status=\""
          + status + "\"}";
      String client = "divak_http_client_errors_total{method=\"GET\",host=\"orders:8080\",status=\""
          + status + "\"}";
      if (status >= 500) {
        assertThat(samples).as("a %d answer", status).containsEntry(server, 1.0).containsEntry(client, 1.0);
      } else if (status >= 400) {
        assertThat(samples).as("a %d answer", status).doesNotContainKey(server).containsEntry(client, 1.0);
      } else {
        assertThat(samples).as("a %d answer", status).doesNotContainKey(server).doesNotContainKey(client);
      }
    }
    // A caller that says a request failed is believed, whatever its status.
    metrics.recordServer("GET", "/orders/{id}", 404, MS, true);
    assertThat(Samples.parse(Samples.write(metrics))).containsEntry(
        "divak_http_server_errors_total{method=\"GET\",route=\"/orders/{id}\",status=\"404\"}", 1.0);
  }

  @Test
  void unknownMethodsShareOneLabelAndANullRouteIsUnmatched() {
    Metrics metrics = Metrics.create();
    metrics.recordServer("FOO", "/x", 405, 1, false);
    metrics.recordServer("BAR\n", "/x", 405, 1, false);
    metrics.recordServer("GET", null, 404, 1, false);

    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    assertThat(samples)
        .containsEntry("divak_http_server_requests_total{method=\"_OTHER\",route=\"/x\",status=\"405\"}", 2.0)
        .containsEntry("divak_http_server_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}", 1.0);
    assertThat(metrics.server("PATCH", "/x")).isSameAs(metrics.server("PATCH", "/x"));
    assertThat(metrics.server("PATCH", "/x").method()).isEqualTo("PATCH");
  }

  @Test
  void theOrderDoesNotDependOnTheOrderOfRecording() {
    Metrics first = Metrics.create();
    Metrics second = Metrics.create();
    String[] routes = {"/b", "/a", "/c/{id}", "/a/{x}", "/", "/z"};
    String[] methods = {"POST", "GET", "DELETE"};
    int[] statuses = {503, 200, 404, 201};
    for (String m : methods) {
      for (String r : routes) {
        for (int s : statuses) first.recordServer(m, r, s, 1, false);
      }
    }
    for (int i = statuses.length - 1; i >= 0; i--) {
      for (int j = routes.length - 1; j >= 0; j--) {
        for (int k = methods.length - 1; k >= 0; k--) {
          second.recordServer(methods[k], routes[j], statuses[i], 1, false);
        }
      }
    }
    for (String e : new String[] {"z", "a", "m"}) {
      first.count(e);
    }
    for (String e : new String[] {"m", "z", "a"}) {
      second.count(e);
    }

    String text = Samples.write(first);
    assertThat(text).isEqualTo(Samples.write(second));
    assertThat(text.indexOf("method=\"DELETE\",route=\"/\",status=\"200\""))
        .isLessThan(text.indexOf("method=\"DELETE\",route=\"/\",status=\"201\""));
    assertThat(text.indexOf("{event=\"a\"}")).isLessThan(text.indexOf("{event=\"m\"}"));
  }

  @Test
  void eventsCountUpAndNeverDown() {
    Metrics metrics = Metrics.create();
    metrics.count("cache.miss");
    metrics.count("cache.miss", 41);
    metrics.count("cache.hit", 0);

    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    assertThat(samples)
        .containsEntry("divak_events_total{event=\"cache.miss\"}", 42.0)
        .containsEntry("divak_events_total{event=\"cache.hit\"}", 0.0);
    assertThatThrownBy(() -> metrics.count("cache.miss", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a count cannot go down: n was -1");
    assertThatThrownBy(() -> metrics.count(null)).hasMessage("event == null");
  }

  @Test
  void negativeDurationsCountAsZero() {
    Metrics metrics = Metrics.create();
    metrics.recordServer("GET", "/", 200, -5, false);
    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    String labels = "method=\"GET\",route=\"/\",status=\"200\"";
    assertThat(samples)
        .containsEntry("divak_http_server_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"}", 1.0)
        .containsEntry("divak_http_server_request_duration_seconds_sum{" + labels + "}", 0.0);
  }
}
