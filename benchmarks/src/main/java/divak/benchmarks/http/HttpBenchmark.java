package divak.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver of the real-HTTP benchmark ({@code benchmarks/http.sh}), with the span sink in this
 * JVM. First each {@link Mode}'s startup is timed, modes in turn; then one server JVM per mode is
 * started and warmed up, and all of them stay up while the endpoints are measured in rounds: in
 * each round every mode gets one short burst per endpoint, the order of the modes turned by one
 * each round. A mode is compared with untraced in the same round, seconds apart, so that the
 * machine's drift (on a shared VM it is large over minutes) cancels. Writes the raw results as
 * JSON and exits 1 when any check failed.
 *
 * <pre>java -cp benchmarks.jar divak.benchmarks.http.HttpBenchmark [--smoke] --results DIR
 *     --agent opentelemetry-javaagent.jar [--rounds N] [--modes m1,m2,...]</pre>
 */
public final class HttpBenchmark {
  private HttpBenchmark() {
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.FULL;
    Path results = null;
    Path agent = null;
    Integer rounds = null;
    List<Mode> modes = List.of(Mode.values());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> settings = Settings.SMOKE;
        case "--results" -> results = Path.of(args[++i]);
        case "--agent" -> agent = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--modes" -> modes = Arrays.stream(args[++i].split(",")).map(Mode::of).toList();
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (results == null || agent == null) throw new IllegalArgumentException("--results and --agent are required");
    if (rounds != null) settings = settings.withRounds(rounds);
    if (!modes.contains(Mode.UNTRACED)) throw new IllegalArgumentException("the modes must include untraced: the baseline");

    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    long clockTicks = clockTicks();
    Files.createDirectories(results);

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("settings", settings.name());
    meta.put("startups", settings.startups());
    meta.put("warmup_slice_s", settings.slice().toSeconds());
    meta.put("warmup_cap_s", settings.warmupCap().toSeconds());
    meta.put("settled_compiler_share", Settings.SETTLED_COMPILER_SHARE);
    meta.put("rounds", settings.rounds());
    meta.put("measure_s", settings.measure().toSeconds());
    meta.put("gap_ms", settings.gap().toMillis());
    meta.put("wrk", String.join(" ", Wrk.command("http://127.0.0.1:PORT/orders/4711", settings.measure(), true)));
    meta.put("jvm_flags", String.join(" ", ServerProcess.JVM_FLAGS));
    meta.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    meta.put("cores", Runtime.getRuntime().availableProcessors());
    meta.put("clock_ticks_per_second", clockTicks);
    meta.put("load_before", loadAverage());

    List<Object> bursts = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<ModeRun> runs = new ArrayList<>();
    try (SpanSink sink = new SpanSink()) {
      for (Mode mode : modes) {
        runs.add(new ModeRun(mode, settings, results.resolve(settings.name() + "-" + mode.id), clockTicks, sink));
      }
      try {
        for (int n = 1; n <= settings.startups(); n++) {
          for (ModeRun run : runs) run.timeStartup(java, classPath, agent, n);
        }
        for (ModeRun run : runs) {
          run.start(java, classPath, agent);
          try {
            if (run.serving()) run.warmUp();
          } catch (IOException | UncheckedIOException e) {
            run.abandon(e);
          }
          System.out.println(Summary.line(run.result));
        }
        for (int round = 1; round <= settings.rounds(); round++) {
          for (int i = 0; i < runs.size(); i++) {
            ModeRun run = runs.get((i + round - 1) % runs.size());
            if (!run.serving()) continue;
            Map<String, Object> endpoints = new LinkedHashMap<>();
            try {
              endpoints.put("orders", run.measure(ModeRun.ORDERS));
              Thread.sleep(settings.gap().toMillis());
              endpoints.put("lines", run.measure(ModeRun.LINES));
              Thread.sleep(settings.gap().toMillis());
            } catch (IOException | UncheckedIOException e) { // a server gone: /proc has no entry
              run.abandon(e);
              continue;
            }
            Map<String, Object> burst = new LinkedHashMap<>();
            burst.put("mode", run.mode.id);
            burst.put("round", round);
            burst.put("endpoints", endpoints);
            bursts.add(burst);
            System.out.println(Summary.line(burst));
          }
        }
      } finally {
        for (ModeRun run : runs) {
          run.finish();
          System.out.println(Summary.line(run.result));
          failures.addAll(run.failures());
          for (String f : run.failures()) System.out.println("  FAILED: " + f);
        }
      }
    }
    meta.put("load_after", loadAverage());
    meta.put("failures", failures);
    Map<String, Object> all = new LinkedHashMap<>(meta);
    all.put("modes", runs.stream().map(r -> (Object) r.result).toList());
    all.put("runs", bursts);
    Path json = results.resolve("http-" + settings.name() + ".json");
    Files.writeString(json, Json.write(all), StandardCharsets.UTF_8);
    System.out.println("wrote " + json);
    if (!failures.isEmpty()) {
      System.out.println();
      System.out.println("*** " + failures.size() + " CHECK(S) FAILED ***");
      for (String f : failures) System.out.println("  " + f);
      System.exit(1);
    }
  }

  private static long clockTicks() throws IOException, InterruptedException {
    Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
    String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    if (getconf.waitFor() != 0) throw new IOException("getconf CLK_TCK failed: " + out);
    return Long.parseLong(out);
  }

  private static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }
}
