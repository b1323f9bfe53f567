package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cap on distinct series, and the counter of what it refused. */
class SeriesLimitTest {

  @Test
  void recordingsBeyondTheLimitAreDroppedAndCounted() {
    Metrics metrics = Metrics.create(3);
    metrics.recordServer("GET", "/a", 200, 1, false);
    metrics.recordServer("GET", "/a", 500, 1, false);
    metrics.count("e");
    metrics.recordServer("GET", "/a", 404, 1, false); // a 4th series
    metrics.recordServer("GET", "/b", 200, 1, false); // a 4th and 5th
    metrics.count("f");
    metrics.recordServer("GET", "/a", 200, 1, false); // an existing series still counts

    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    assertThat(samples)
        .containsEntry("divak_metrics_series", 3.0)
        .containsEntry("divak_metrics_series_refused_total", 3.0)
        .containsEntry("divak_http_server_requests_total{method=\"GET\",route=\"/a\",status=\"200\"}", 2.0)
        .doesNotContainKey("divak_http_server_requests_total{method=\"GET\",route=\"/a\",status=\"404\"}")
        .doesNotContainKey("divak_events_total{event=\"f\"}");
    assertThat(samples.keySet()).noneMatch(k -> k.contains("route=\"/b\""));
  }

  @Test
  void aFloodOfDistinctRoutesCannotGrowTheMaps() {
    Metrics metrics = Metrics.create(10);
    for (int i = 0; i < 10_000; i++) {
      Route route = metrics.server("GET", "/probe/" + i);
      route.record(200, 1, false);
    }
    assertThat(metrics.seriesCount()).isEqualTo(10);
    assertThat(metrics.refusedCount()).isEqualTo(9_990);
    Route late = metrics.server("GET", "/probe/late");
    assertThat(late.isRefused()).isTrue();
    assertThat(Samples.write(metrics)).doesNotContain("/probe/late").doesNotContain("/probe/10\"");
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> Metrics.create(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxSeries should be at least 1: was 0");
    assertThat(Metrics.create().maxSeries()).isEqualTo(Metrics.DEFAULT_MAX_SERIES);
  }
}
