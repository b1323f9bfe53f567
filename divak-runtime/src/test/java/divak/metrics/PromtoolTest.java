package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import divak.testing.Promtool;
import org.junit.jupiter.api.Test;

/**
 * Prometheus' own linter, {@code promtool check metrics}, accepts the exposition without a
 * complaint. Needs {@code promtool} on the PATH (Debian package {@code prometheus}); without it
 * the test fails, it does not skip.
 */
class PromtoolTest {

  @Test
  void promtoolAcceptsEveryFamily() throws Exception {
    Metrics metrics = Metrics.create();
    Route get = metrics.server("GET", "/orders/{id}");
    for (int i = 0; i < 100; i++) get.record(i % 7 == 0 ? 500 : 200, i * 3_000_000L, i % 11 == 0);
    metrics.recordServer("POST", "/orders", 201, 12_000_000L, false);
    metrics.recordServer("FOO", Metrics.UNMATCHED_ROUTE, 404, 100_000L, false);
    metrics.recordServer("GET", "/odd/\"quoted\"/back\\slash/new\nline/ünïcödé", 200, 1, false);
    metrics.recordClient("GET", "inventory:8080", 200, 4_000_000L, false);
    metrics.recordClient("GET", "inventory:8080", 0, 30_000_000_000L, true);
    metrics.count("cache.miss");
    metrics.count("cache.hit", 99);
    metrics.count("quote\"back\\slash\nnewline");

    String exposition = Samples.write(metrics);
    Promtool.Result result = Promtool.checkMetrics(exposition);
    assertThat(result.output()).as("promtool check metrics said, of:\n" + exposition).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void promtoolAcceptsAnEmptyRegistry() throws Exception {
    Promtool.Result result = Promtool.checkMetrics(Samples.write(Metrics.create()));
    assertThat(result.output()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void promtoolIsNotFooledByThisTest() throws Exception {
    // The same check on a broken exposition must fail, or the tests above prove nothing.
    Promtool.Result result = Promtool.checkMetrics("# TYPE x counter\nx{a=\"unterminated} 1\n");
    assertThat(result.exitCode()).isNotZero();
  }
}
