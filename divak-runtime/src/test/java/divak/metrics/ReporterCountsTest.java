package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.report.ZipkinReporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Reporter health in the Prometheus output: what became of the spans each reporter was given. */
class ReporterCountsTest {

  @Test
  void aZipkinReportersCountsAreScraped() throws IOException {
    // A port that is bound and never accepts: the reporter cannot send, so spans end as failed
    // or dropped; close() settles them.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ZipkinReporter zipkin = ZipkinReporter.builder("http://127.0.0.1:" + silent.getLocalPort() + "/api/v2")
          .requestTimeout(java.time.Duration.ofMillis(200))
          .closeTimeout(java.time.Duration.ofMillis(500)).build();
      Divak divak = Divak.builder().serviceName("s").reporter(zipkin).build();
      for (int i = 0; i < 3; i++) divak.startSpan("x").finish();
      divak.close();

      StringBuilder out = new StringBuilder();
      divak.metrics().writePrometheus(out);

      long settled = zipkin.spansReported() + zipkin.spansDropped() + zipkin.spansFailed();
      assertThat(settled).isEqualTo(3);
      assertThat(out.toString())
          .contains("# TYPE divak_reporter_spans_total counter\n")
          .contains("divak_reporter_spans_total{reporter=\"zipkin\",outcome=\"reported\"} 0\n")
          .contains("divak_reporter_spans_total{reporter=\"zipkin\",outcome=\"dropped\"} "
              + zipkin.spansDropped() + "\n")
          .contains("divak_reporter_spans_total{reporter=\"zipkin\",outcome=\"failed\"} "
              + zipkin.spansFailed() + "\n");
    }
  }

  @Test
  void noReporterNoFamily() throws IOException {
    StringBuilder out = new StringBuilder();
    Divak.builder().serviceName("s").build().metrics().writePrometheus(out);
    assertThat(out.toString()).doesNotContain("divak_reporter_spans_total");
  }
}
