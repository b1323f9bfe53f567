package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
    Result result = promtoolCheckMetrics(exposition);
    assertThat(result.output).as("promtool check metrics said, of:\n" + exposition).isEmpty();
    assertThat(result.exitCode).isZero();
  }

  @Test
  void promtoolAcceptsAnEmptyRegistry() throws Exception {
    Result result = promtoolCheckMetrics(Samples.write(Metrics.create()));
    assertThat(result.output).isEmpty();
    assertThat(result.exitCode).isZero();
  }

  @Test
  void promtoolIsNotFooledByThisTest() throws Exception {
    // The same check on a broken exposition must fail, or the tests above prove nothing.
    Result result = promtoolCheckMetrics("# TYPE x counter\nx{a=\"unterminated} 1\n");
    assertThat(result.exitCode).isNotZero();
  }

  record Result(int exitCode, String output) {
  }

  static Result promtoolCheckMetrics(String exposition) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(promtool(), "check", "metrics")
        .redirectErrorStream(true)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("promtool check metrics did not finish within 60 s");
    }
    return new Result(process.exitValue(), output.trim());
  }

  /** The promtool executable: {@code -Ddivak.promtool=...}, else the first on the PATH. */
  static String promtool() {
    String configured = System.getProperty("divak.promtool");
    if (configured != null && !configured.isBlank()) return configured;
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        File candidate = new File(dir, "promtool");
        if (candidate.canExecute()) return candidate.getPath();
      }
    }
    return fail("promtool was not found on the PATH. Install the Debian package 'prometheus' "
        + "(apt-get install -y --no-install-recommends prometheus), which brings promtool and the "
        + "Prometheus server, or point -Ddivak.promtool at a promtool binary.");
  }
}
