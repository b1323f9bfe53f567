package divak.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver of the real-HTTP benchmark ({@code benchmarks/http.sh}): every {@link Mode} in
 * every pass (odd passes in declaration order, even passes reversed), one server JVM each, with
 * the span sink in this JVM. Writes the raw results as JSON and exits 1 when any check failed.
 *
 * <pre>java -cp benchmarks.jar divak.benchmarks.http.HttpBenchmark [--smoke] --results DIR
 *     --agent opentelemetry-javaagent.jar [--passes N] [--modes m1,m2,...]</pre>
 */
public final class HttpBenchmark {
  private HttpBenchmark() {
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.FULL;
    Path results = null;
    Path agent = null;
    Integer passes = null;
    List<Mode> modes = List.of(Mode.values());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> settings = Settings.SMOKE;
        case "--results" -> results = Path.of(args[++i]);
        case "--agent" -> agent = Path.of(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--modes" -> modes = Arrays.stream(args[++i].split(",")).map(Mode::of).toList();
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (results == null || agent == null) throw new IllegalArgumentException("--results and --agent are required");
    if (passes != null) {
      settings = new Settings(settings.name(), passes, settings.slice(), settings.warmupCap(), settings.measure());
    }
    if (!modes.contains(Mode.UNTRACED)) throw new IllegalArgumentException("the modes must include untraced: the baseline");

    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    long clockTicks = clockTicks();
    Files.createDirectories(results);

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("settings", settings.name());
    meta.put("passes", settings.passes());
    meta.put("warmup_slice_s", settings.slice().toSeconds());
    meta.put("warmup_cap_s", settings.warmupCap().toSeconds());
    meta.put("settled_compiler_share", Settings.SETTLED_COMPILER_SHARE);
    meta.put("measure_s", settings.measure().toSeconds());
    meta.put("wrk", String.join(" ", Wrk.command("http://127.0.0.1:PORT/orders/4711", settings.measure(), true)));
    meta.put("jvm_flags", String.join(" ", ServerProcess.JVM_FLAGS));
    meta.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    meta.put("cores", Runtime.getRuntime().availableProcessors());
    meta.put("clock_ticks_per_second", clockTicks);
    meta.put("load_before", loadAverage());

    List<Object> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (SpanSink sink = new SpanSink()) {
      for (int pass = 1; pass <= settings.passes(); pass++) {
        List<Mode> order = new ArrayList<>(modes);
        if (pass % 2 == 0) Collections.reverse(order);
        for (Mode mode : order) {
          Path dir = results.resolve(settings.name() + "-" + pass + "-" + mode.id);
          Map<String, Object> run;
          try {
            run = new ModeRun(mode, pass, settings, dir, clockTicks).run(java, classPath, agent, sink);
          } catch (Exception e) {
            e.printStackTrace();
            run = new LinkedHashMap<>(Map.of("mode", mode.id, "pass", pass,
                "failures", List.of(mode + " pass " + pass + ": " + e)));
          }
          runs.add(run);
          @SuppressWarnings("unchecked")
          List<String> failed = (List<String>) run.get("failures");
          failures.addAll(failed);
          System.out.println(Summary.line(run));
          for (String f : failed) System.out.println("  FAILED: " + f);
        }
      }
    }
    meta.put("load_after", loadAverage());
    meta.put("failures", failures);
    Map<String, Object> all = new LinkedHashMap<>(meta);
    all.put("runs", runs);
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
