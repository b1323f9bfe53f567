package divak.benchmarks;

import divak.benchmarks.jersey.RequestBenchmarks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of the JMH scores that the load of a shared machine does not inflate: the same
 * benchmark bodies, timed by the calling thread's CPU time ({@link
 * ThreadMXBean#getCurrentThreadCpuTime}) instead of the wall clock, so that time spent waiting
 * for a CPU is not counted. The libraries of one row run in one JVM, in alternating rounds; the
 * figure is the fastest round after warm-up.
 *
 * <pre>
 * java -cp benchmarks.jar divak.benchmarks.CpuTimeCheck spans|propagation|json|request FILE
 * </pre>
 *
 * appends one JSON line per benchmark to FILE, for {@code report.py --cpu-check}.
 */
public final class CpuTimeCheck {
  private static final int ROUNDS = 25;
  private static final int WARM_UP_ROUNDS = 10;
  static volatile Object sink;

  interface Op {
    Object run() throws Exception;
  }

  record Entry(String name, Op op) {
  }

  public static void main(String[] args) throws Exception {
    String group = args[0];
    List<Entry> entries = new ArrayList<>();
    int opsPerRound;
    switch (group) {
      case "spans": {
        opsPerRound = 100_000;
        SpanBenchmarks b = new SpanBenchmarks();
        for (boolean sampled : new boolean[] {true, false}) {
          SpanBenchmarks.DivakState d = new SpanBenchmarks.DivakState();
          d.sampled = sampled;
          d.setUp();
          SpanBenchmarks.BraveState br = new SpanBenchmarks.BraveState();
          br.sampled = sampled;
          br.setUp();
          SpanBenchmarks.OtelState o = new SpanBenchmarks.OtelState();
          o.sampled = sampled;
          o.setUp();
          String p = "[sampled=" + sampled + "]";
          entries.add(new Entry("SpanBenchmarks.divak" + p, () -> b.divak(d)));
          entries.add(new Entry("SpanBenchmarks.brave" + p, () -> b.brave(br)));
          entries.add(new Entry("SpanBenchmarks.otel" + p, () -> b.otel(o)));
        }
        break;
      }
      case "propagation": {
        opsPerRound = 100_000;
        PropagationBenchmarks.Carriers[] states = {
          new PropagationBenchmarks.DivakW3C(), new PropagationBenchmarks.OtelW3C(),
          new PropagationBenchmarks.DivakW3CTraceState(), new PropagationBenchmarks.OtelW3CTraceState(),
          new PropagationBenchmarks.DivakB3(), new PropagationBenchmarks.OtelB3(),
          new PropagationBenchmarks.BraveB3(),
          new PropagationBenchmarks.DivakW3CChild(), new PropagationBenchmarks.OtelW3CChild(),
          new PropagationBenchmarks.DivakB3Child(), new PropagationBenchmarks.OtelB3Child(),
          new PropagationBenchmarks.BraveB3Child(),
        };
        String[] names = {"divak_w3c", "otel_w3c", "divak_w3cTracestate", "otel_w3cTracestate",
          "divak_b3Multi", "otel_b3Multi", "brave_b3Multi", "divak_w3cChild", "otel_w3cChild",
          "divak_b3MultiChild", "otel_b3MultiChild", "brave_b3MultiChild"};
        for (int i = 0; i < states.length; i++) {
          PropagationBenchmarks.Carriers s = states[i];
          s.setUp();
          entries.add(new Entry("PropagationBenchmarks." + names[i], s::roundTrip));
        }
        break;
      }
      case "json": {
        opsPerRound = 50_000;
        ZipkinJsonBenchmarks b = new ZipkinJsonBenchmarks();
        b.setUp();
        entries.add(new Entry("ZipkinJsonBenchmarks.divak", b::divak));
        entries.add(new Entry("ZipkinJsonBenchmarks.zipkin2", b::zipkin2));
        break;
      }
      case "request": {
        opsPerRound = 2_000;
        RequestBenchmarks b = new RequestBenchmarks();
        RequestBenchmarks.Untraced u = new RequestBenchmarks.Untraced();
        u.setUp();
        RequestBenchmarks.DivakSampled s = new RequestBenchmarks.DivakSampled();
        s.setUp();
        RequestBenchmarks.DivakUnsampled n = new RequestBenchmarks.DivakUnsampled();
        n.setUp();
        entries.add(new Entry("RequestBenchmarks.untraced", () -> b.untraced(u)));
        entries.add(new Entry("RequestBenchmarks.divakSampled", () -> b.divakSampled(s)));
        entries.add(new Entry("RequestBenchmarks.divakUnsampled", () -> b.divakUnsampled(n)));
        break;
      }
      default:
        throw new IllegalArgumentException("group should be spans, propagation, json or request: was " + group);
    }

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] best = new double[entries.size()];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int round = 0; round < ROUNDS; round++) {
      for (int e = 0; e < entries.size(); e++) {
        Op op = entries.get(e).op();
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < opsPerRound; i++) {
          Object result = op.run();
          if ((i & 255) == 0) sink = result;
        }
        double ns = (mx.getCurrentThreadCpuTime() - start) / (double) opsPerRound;
        if (round >= WARM_UP_ROUNDS) best[e] = Math.min(best[e], ns);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int e = 0; e < entries.size(); e++) {
      String line = String.format(Locale.ROOT, "{\"benchmark\":\"%s\",\"cpuNsPerOp\":%.2f}",
          entries.get(e).name(), best[e]);
      System.out.println(line);
      out.append(line).append('\n');
    }
    if (args.length > 1) {
      try {
        Files.write(Path.of(args[1]), out.toString().getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + args[1], e);
      }
    }
  }

  private CpuTimeCheck() {
  }
}
