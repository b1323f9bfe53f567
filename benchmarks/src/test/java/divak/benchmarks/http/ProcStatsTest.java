package divak.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatsTest {
  @Test
  void tellsThreadsApartByTheNamesLinuxKeeps() {
    assertThat(ThreadKind.of("grizzly-http-se")).isEqualTo(ThreadKind.REQUEST);
    assertThat(ThreadKind.of("grizzly-nio-ker")).isEqualTo(ThreadKind.SELECTOR);
    assertThat(ThreadKind.of("C2 CompilerThre")).isEqualTo(ThreadKind.JIT);
    assertThat(ThreadKind.of("C1 CompilerThre")).isEqualTo(ThreadKind.JIT);
    assertThat(ThreadKind.of("GC Thread#1")).isEqualTo(ThreadKind.GC);
    assertThat(ThreadKind.of("G1 Conc#0")).isEqualTo(ThreadKind.GC);
    assertThat(ThreadKind.of("divak-zipkin-se")).isEqualTo(ThreadKind.SPANS);
    assertThat(ThreadKind.of("HttpClient-1-Wo")).isEqualTo(ThreadKind.SPANS);
    assertThat(ThreadKind.of("BatchSpanProces")).isEqualTo(ThreadKind.SPANS);
    assertThat(ThreadKind.of("VM Thread")).isEqualTo(ThreadKind.OTHER);
  }

  @Test
  void perRequestSplitsTheTicksAndKeepsWhatEndedThreadsSpent() {
    Map<ThreadKind, Long> before = Map.of(ThreadKind.REQUEST, 100L, ThreadKind.JIT, 50L);
    Map<ThreadKind, Long> after = Map.of(ThreadKind.REQUEST, 300L, ThreadKind.JIT, 60L, ThreadKind.GC, 10L);

    // 250 ticks in all, 100 ticks a second, 1,000 requests: 1 tick = 10 ms = 10 µs per request.
    Map<String, Double> split = ProcStats.perRequest(250, before, after, 1_000, 100);

    assertThat(split).containsEntry("request", 2000.0).containsEntry("jit", 100.0)
        .containsEntry("gc", 100.0).containsEntry("selector", 0.0).containsEntry("ended", 300.0);
  }

  @Test
  void readsThisProcess() {
    ProcStats self = new ProcStats(ProcessHandle.current().pid());
    long busy = 0;
    for (long end = System.nanoTime() + 200_000_000L; System.nanoTime() < end; ) busy += end % 7;
    assertThat(busy).isNotNegative();

    Map<ThreadKind, Long> byKind = self.ticksByKind();
    long sum = byKind.values().stream().mapToLong(Long::longValue).sum();
    assertThat(self.cpuTicks()).isPositive().isGreaterThanOrEqualTo(sum);
    assertThat(byKind.get(ThreadKind.OTHER)).isPositive(); // the test's own thread
    assertThat(self.rssKb()).isPositive();
  }
}
