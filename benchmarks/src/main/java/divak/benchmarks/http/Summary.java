package divak.benchmarks.http;

import java.util.List;
import java.util.Map;

/** One line per mode or burst on the console, while the benchmark runs; the report is written from the JSON. */
final class Summary {
  private Summary() {
  }

  @SuppressWarnings("unchecked")
  static String line(Map<String, Object> run) {
    StringBuilder b = new StringBuilder(String.format("%-30s", run.get("mode")));
    if (run.get("round") != null) b.append(" round ").append(run.get("round"));
    if (run.get("startup_ms") instanceof List<?> startups && !startups.isEmpty()) {
      b.append("  startup");
      for (Object ms : startups) b.append(String.format(" %5.0f", (Double) ms));
      b.append(" ms");
    }
    if (run.get("warmup") instanceof Map<?, ?> w) {
      b.append(String.format("  warm-up %5.1f s %8d req%s", (Double) w.get("seconds"), (Long) w.get("requests"),
          Boolean.TRUE.equals(w.get("settled")) ? "" : " (capped)"));
    }
    if (run.get("endpoints") instanceof Map<?, ?> endpoints) {
      for (Map.Entry<?, ?> e : endpoints.entrySet()) {
        Map<String, Object> m = (Map<String, Object>) e.getValue();
        b.append(String.format("  %s %7.0f req/s p50 %6.0f us p99 %6.0f us cpu %5.1f us/req", e.getKey(),
            (Double) m.get("requests_per_second"), (Double) m.get("p50_us"), (Double) m.get("p99_us"),
            (Double) m.get("cpu_us_per_request")));
      }
    }
    if (run.get("rss_kb") instanceof Long rss) b.append(String.format("  rss %4d MB", rss / 1024));
    if (run.get("spans") instanceof Map<?, ?> s) {
      b.append(String.format("  spans %s+%s/%s+%s", s.get("server"), s.get("client"),
          s.get("expected_server"), s.get("expected_client")));
    }
    if (run.get("access_lines") instanceof Map<?, ?> a) {
      b.append(String.format("  access %s/%s", a.get("actual"), a.get("expected")));
    }
    return b.toString();
  }
}
