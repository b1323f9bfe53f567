package divak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Many threads recording at once, while scrapes run: no count is lost, none is made up. */
class ConcurrentRecordingTest {
  static final int THREADS = 8;
  static final int PER_THREAD = 50_000;
  static final String[] ROUTES = {"/orders/{id}", "/orders", "/health"};
  static final int[] STATUSES = {200, 404, 503};

  @Test
  void totalsAreExactAcrossThreadsAndScrapesStayConsistent() throws Exception {
    Metrics metrics = Metrics.create();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean recording = new AtomicBoolean(true);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            // Looked up per request, as a filter that does not cache would.
            int k = (i + thread) % 9;
            metrics.server("GET", ROUTES[k / 3]).record(STATUSES[k % 3], k * 1_000_000L, k == 0);
            metrics.count("tick");
          }
          return null;
        }));
      }
      Future<Integer> scraper = pool.submit(() -> {
        start.await();
        int scrapes = 0;
        while (recording.get()) {
          Map<String, Double> samples = Samples.parse(Samples.write(metrics));
          // Within one scrape, each histogram's +Inf bucket equals its count and its requests.
          for (Map.Entry<String, Double> e : samples.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("divak_http_server_request_duration_seconds_count{")) continue;
            String labels = key.substring(key.indexOf('{') + 1, key.length() - 1);
            assertThat(samples.get("divak_http_server_request_duration_seconds_bucket{" + labels
                + ",le=\"+Inf\"}")).isEqualTo(e.getValue());
            assertThat(samples.get("divak_http_server_requests_total{" + labels + "}"))
                .isEqualTo(e.getValue());
          }
          scrapes++;
        }
        return scrapes;
      });
      start.countDown();
      for (Future<?> w : workers) w.get(60, TimeUnit.SECONDS);
      recording.set(false);
      assertThat(scraper.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }

    Map<String, Double> samples = Samples.parse(Samples.write(metrics));
    double all = 0;
    for (int k = 0; k < 9; k++) {
      String labels = "method=\"GET\",route=\"" + ROUTES[k / 3] + "\",status=\"" + STATUSES[k % 3] + "\"";
      double expected = countOf(k);
      assertThat(samples.get("divak_http_server_requests_total{" + labels + "}")).isEqualTo(expected);
      boolean failed = k == 0 || STATUSES[k % 3] == 503;
      // A series that never failed has no errors line at all.
      assertThat(samples.get("divak_http_server_errors_total{" + labels + "}"))
          .isEqualTo(failed ? Double.valueOf(expected) : null);
      assertThat(samples.get("divak_http_server_request_duration_seconds_sum{" + labels + "}"))
          .isCloseTo(expected * k / 1000.0, org.assertj.core.data.Offset.offset(1e-6));
      all += expected;
    }
    assertThat(all).isEqualTo((double) THREADS * PER_THREAD);
    assertThat(samples.get("divak_events_total{event=\"tick\"}")).isEqualTo((double) THREADS * PER_THREAD);
    assertThat(samples.get("divak_metrics_series")).isEqualTo(10.0);
    assertThat(samples.get("divak_metrics_series_refused_total")).isEqualTo(0.0);
  }

  /** How many times the workers recorded combination {@code k}. */
  static double countOf(int k) {
    long n = 0;
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < PER_THREAD; i++) {
        if ((i + t) % 9 == k) n++;
      }
    }
    return n;
  }

  @Test
  void racingToCreateSeriesNeverExceedsTheLimit() throws Exception {
    for (int round = 0; round < 20; round++) {
      Metrics metrics = Metrics.create(50);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          workers.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 40; i++) {
              metrics.recordServer("GET", "/r" + (i % 20), 200 + i / 20, 1, false);
              metrics.count("e" + i);
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> w : workers) w.get(60, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      // 40 distinct server series and 40 events want 80 series; 50 fit.
      assertThat(metrics.seriesCount()).isEqualTo(50);
      Map<String, Double> samples = Samples.parse(Samples.write(metrics));
      long kept = samples.keySet().stream()
          .filter(k -> k.startsWith("divak_http_server_requests_total{") || k.startsWith("divak_events_total{"))
          .count();
      assertThat(kept).isEqualTo(50);
      double recorded = samples.entrySet().stream()
          .filter(e -> e.getKey().startsWith("divak_http_server_requests_total{")
              || e.getKey().startsWith("divak_events_total{"))
          .mapToDouble(Map.Entry::getValue).sum();
      assertThat(recorded + samples.get("divak_metrics_series_refused_total"))
          .isEqualTo(THREADS * 80.0);
    }
  }
}
