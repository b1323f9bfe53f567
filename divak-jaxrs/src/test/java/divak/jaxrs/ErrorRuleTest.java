package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.metrics.Metrics;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The client side of the one error rule: a CLIENT span says {@code error} for exactly the calls
 * that {@code divak_http_client_errors_total} counts, as OpenTelemetry's HTTP conventions have
 * it, whichever of the two decides.
 */
class ErrorRuleTest {

  @Test
  void aCallFailsOnA4xxA5xxAStatusThatIsNotHttpsOrNoAnswer() {
    assertThat(ErrorRule.clientFailed(0)).as("no answer").isTrue();
    assertThat(ErrorRule.clientFailed(99)).isTrue();
    assertThat(ErrorRule.clientFailed(100)).isFalse();
    assertThat(ErrorRule.clientFailed(200)).isFalse();
    assertThat(ErrorRule.clientFailed(304)).isFalse();
    assertThat(ErrorRule.clientFailed(399)).isFalse();
    assertThat(ErrorRule.clientFailed(400)).isTrue();
    assertThat(ErrorRule.clientFailed(404)).isTrue();
    assertThat(ErrorRule.clientFailed(503)).isTrue();
    assertThat(ErrorRule.clientFailed(777)).isTrue();
  }

  @Test
  void theSpanRuleAndTheMetricsAgreeOnEveryStatus() throws IOException {
    for (int status = -1; status <= 1000; status++) {
      Metrics metrics = Metrics.create();
      // Told nothing, the metrics judge the status themselves.
      metrics.client("GET", "inventory:8080").record(status, 1_000_000L, false);
      StringBuilder text = new StringBuilder();
      metrics.writePrometheus(text);
      boolean counted = text.toString().contains("\ndivak_http_client_errors_total{");
      assertThat(counted).as("status %d", status).isEqualTo(ErrorRule.clientFailed(status));
    }
  }

  @Test
  void aServerAnswerFailsOnA5xxOrAnUnmappedException() {
    assertThat(ErrorRule.decide(404, null, new IllegalStateException()).failed())
        .as("a mapped exception answered 404").isFalse();
    assertThat(ErrorRule.decide(404, null, null).failed()).isFalse();
    assertThat(ErrorRule.decide(503, null, null).failed()).isTrue();
    assertThat(ErrorRule.decide(500, new IllegalStateException(), null).failed()).isTrue();
  }
}
