package divak.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** wrk's summary as wrk 4.1 prints it, its units converted to microseconds. */
class WrkTest {
  static final String OK = """
      Running 2s test @ http://127.0.0.1:33273/orders/4711
        1 threads and 8 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   312.45us  120.10us   8.01ms   91.00%
          Req/Sec    24.10k     1.20k   26.00k    70.00%
        Latency Distribution
           50%  226.00us
           75%  301.00us
           90%  410.00us
           99%    1.20ms
        48123 requests in 2.00s, 6.01MB read
      Requests/sec:  24061.50
      Transfer/sec:      3.00MB
      """;

  @Test
  void readsRequestsRateAndPercentiles() {
    Wrk.Result r = Wrk.parse(OK, true);

    assertThat(r.requests()).isEqualTo(48123);
    assertThat(r.seconds()).isEqualTo(2.0);
    assertThat(r.requestsPerSecond()).isEqualTo(24061.5);
    assertThat(r.p50Micros()).isEqualTo(226.0);
    assertThat(r.p99Micros()).isEqualTo(1200.0);
    assertThat(r.errors()).isZero();
  }

  @Test
  void secondsAndMinutesToo() {
    Wrk.Result r = Wrk.parse(OK.replace("226.00us", "1.50s").replace("1.20ms", "1.00m")
        .replace("in 2.00s", "in 1.00m"), true);

    assertThat(r.p50Micros()).isEqualTo(1_500_000.0);
    assertThat(r.p99Micros()).isEqualTo(60_000_000.0);
    assertThat(r.seconds()).isEqualTo(60.0);
  }

  @Test
  void countsNon2xxAndSocketErrors() {
    String failing = OK.replace("Requests/sec:", """
          Socket errors: connect 0, read 3, write 0, timeout 2
          Non-2xx or 3xx responses: 7
        Requests/sec:""");

    assertThat(Wrk.parse(failing, true).errors()).isEqualTo(12);
  }

  @Test
  void withoutLatencyThePercentilesAreNotRead() {
    String plain = OK.replaceAll("(?s)  Latency Distribution.*?99%\\s+1.20ms\\n", "");

    Wrk.Result r = Wrk.parse(plain, false);

    assertThat(r.requests()).isEqualTo(48123);
    assertThat(r.p50Micros()).isNaN();
  }

  @Test
  void outputWithoutASummaryIsAnError() {
    assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrk's output");
  }

  @Test
  void theCommandTakesWholeSeconds() {
    assertThat(Wrk.command("http://127.0.0.1:1/x", Duration.ofSeconds(15), true))
        .containsExactly("wrk", "-t1", "-c8", "-d15s", "--latency", "http://127.0.0.1:1/x");
  }
}
