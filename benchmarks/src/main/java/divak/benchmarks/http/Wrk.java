package divak.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (the Debian package {@code wrk}) and reads its summary: requests, requests per
 * second, latency percentiles (wrk prints them in us, ms, s or m: converted to microseconds here),
 * and any non-2xx answer or socket error, which makes the measurement invalid.
 */
final class Wrk {
  static final int THREADS = 1;
  static final int CONNECTIONS = 8;

  /** One run's summary; latencies in microseconds. */
  record Result(long requests, double seconds, double requestsPerSecond, double p50Micros,
      double p99Micros, long errors, String output) {
  }

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET = Pattern.compile(
      "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private Wrk() {
  }

  /** The command line, as the report shows it. */
  static List<String> command(String url, Duration duration, boolean latency) {
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS,
        "-d" + duration.toMillis() / 1000 + "s"));
    if (latency) command.add("--latency");
    command.add(url);
    return command;
  }

  static Result run(String url, Duration duration, boolean latency)
      throws IOException, InterruptedException {
    if (duration.toMillis() % 1000 != 0 || duration.isZero()) {
      throw new IllegalArgumentException("wrk takes whole seconds: " + duration);
    }
    Process process;
    try {
      process = new ProcessBuilder(command(url, duration, latency)).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("wrk is not installed (Debian: apt-get install wrk): " + e.getMessage(), e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) throw new IOException("wrk failed:\n" + output);
    return parse(output, latency);
  }

  static Result parse(String output, boolean latency) {
    Matcher requests = find(REQUESTS, output);
    Matcher rate = find(RATE, output);
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) errors += Long.parseLong(non2xx.group(1));
    Matcher socket = SOCKET.matcher(output);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) errors += Long.parseLong(socket.group(i));
    }
    double p50 = latency ? percentile(output, "50") : Double.NaN;
    double p99 = latency ? percentile(output, "99") : Double.NaN;
    return new Result(Long.parseLong(requests.group(1)),
        micros(requests.group(2), requests.group(3)) / 1e6,
        Double.parseDouble(rate.group(1)), p50, p99, errors, output);
  }

  private static double percentile(String output, String percent) {
    Matcher m = find(Pattern.compile("\\n\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s|m)\\b"), output);
    return micros(m.group(1), m.group(2));
  }

  private static double micros(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "us" -> v;
      case "ms" -> v * 1e3;
      case "s" -> v * 1e6;
      case "m" -> v * 60e6;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
  }

  private static Matcher find(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) throw new IllegalStateException("no '" + pattern + "' in wrk's output:\n" + output);
    return m;
  }
}
