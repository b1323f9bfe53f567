package divak.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One mode's server through a whole run: startups timed on their own, then the server that is
 * measured, started and checked, warmed up until the JIT settles, measured in short bursts (the
 * driver interleaves the bursts of every mode, see {@link HttpBenchmark}), stopped, and checked:
 * the sink must have got exactly the spans, and the access log exactly the lines, that the
 * requests it served call for. What it measures and every failed check go into {@link #result}
 * and the bursts' maps.
 */
final class ModeRun {
  static final String ORDERS = "/orders/4711";
  static final String LINES = "/lines/4711";
  /**
   * The access file's pattern is {@code %d{HH:mm:ss.SSS} %X{traceId:--} %msg%n}: a line's second
   * field is the MDC's trace id, or {@code -} when the MDC is off.
   */
  private static final Pattern MDC = Pattern.compile("^\\S+ [0-9a-f]{32} ");
  private static final Pattern NO_MDC = Pattern.compile("^\\S+ - ");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  /** This JVM: the driver, whose CPU is mostly the span sink's. */
  private static final com.sun.management.OperatingSystemMXBean DRIVER =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  final Mode mode;
  private final Settings settings;
  private final Path dir;
  private final long clockTicks;
  private final SpanSink sink;
  private final List<String> failures = new ArrayList<>();
  private final List<Double> startups = new ArrayList<>();
  final Map<String, Object> result = new LinkedHashMap<>();
  private ServerProcess server;

  ModeRun(Mode mode, Settings settings, Path dir, long clockTicks, SpanSink sink) {
    this.mode = mode;
    this.settings = settings;
    this.dir = dir;
    this.clockTicks = clockTicks;
    this.sink = sink;
    result.put("mode", mode.id);
    result.put("startup_ms", startups);
    result.put("failures", failures);
  }

  /** Whether the server runs and can be measured. */
  boolean serving() {
    return server != null;
  }

  List<String> failures() {
    return failures;
  }

  /** Starts a server only to time its startup (spawn to the first 200), then kills it. */
  void timeStartup(String java, String classPath, Path agent, int n) {
    // Its own sink address: the span of its first request is not one the checks count.
    try (ServerProcess once = ServerProcess.start(mode, dir.resolve("startup-" + n), java, classPath,
        agent, sink.url(mode.id + "-startup"))) {
      startups.add(once.startupNanos / 1e6);
    } catch (IOException | InterruptedException e) {
      fail("startup " + n + ": " + e);
    }
  }

  /** Starts the server to measure and checks its answers; on failure it is left out. */
  void start(String java, String classPath, Path agent) {
    try {
      server = ServerProcess.start(mode, dir, java, classPath, agent, sink.url(mode.id));
      probe(server);
    } catch (IOException | InterruptedException e) {
      fail("start: " + e);
      if (server != null) server.close();
      server = null;
    }
  }

  /**
   * Records why the server cannot go on (it stopped answering, say) and kills it; the other modes
   * go on, and the run fails.
   */
  void abandon(Exception why) {
    fail("left out of the rest of the run: " + why);
    if (server != null) server.close();
    server = null;
  }

  /** Stops the server, then checks what reached the sink and the access log. */
  void finish() throws InterruptedException {
    if (server == null) return;
    try (ServerProcess s = server) {
      result.put("rss_kb", s.proc.rssKb());
      long[] served = s.settledCounts();
      result.put("served", Map.of("orders", served[0], "lines", served[1], "count_calls", served[2]));
      if (!s.stop()) fail("the server did not stop cleanly on SIGTERM; see " + dir.resolve("stdout.txt"));
      checkSpans(sink.counts(mode.id), served);
      checkAccessLog(served);
    } catch (IOException | UncheckedIOException e) {
      fail("finish: " + e);
    } finally {
      server = null;
    }
  }

  /** The answers: status, body, the Request-Id relayed or generated (divak) or absent (not). */
  private void probe(ServerProcess server) throws IOException, InterruptedException {
    HttpResponse<String> order = server.get("/orders/1", "probe-1");
    expect("/orders/1 status", 200, order.statusCode());
    expect("/orders/1 body", OrderResource.body("1"), order.body());
    expect("/orders/1 Request-Id relayed", mode.divak() ? "probe-1" : null, requestId(order));

    String generated = requestId(server.get("/orders/1", null));
    if (mode.generatesRequestIds() != (generated != null && UUID.matcher(generated).matches())) {
      fail("/orders/1 without a Request-Id answered Request-Id " + generated + "; expected "
          + (mode.generatesRequestIds() ? "a new UUIDv4" : "none"));
    }

    HttpResponse<String> line = server.get("/lines/2", "probe-2");
    expect("/lines/2 status", 200, line.statusCode());
    expect("/lines/2 body", "{\"line\":\"2\",\"order\":" + OrderResource.body("2") + "}", line.body());
    expect("/lines/2 Request-Id relayed", mode.divak() ? "probe-2" : null, requestId(line));
  }

  private static String requestId(HttpResponse<?> response) {
    return response.headers().firstValue("Request-Id").orElse(null);
  }

  /** Load in slices, the endpoints in turn, until the last slice of each left the JIT < 3 %. */
  void warmUp() throws IOException, InterruptedException {
    List<Map<String, Object>> slices = new ArrayList<>();
    double[] lastShare = {1, 1};
    long requests = 0;
    boolean settled = false;
    long started = System.nanoTime();
    for (int i = 0; ; i++) {
      String path = i % 2 == 0 ? ORDERS : LINES;
      long cpu = server.proc.cpuTicks();
      long compiler = server.proc.compilerTicks();
      Wrk.Result r = Wrk.run(server.base + path, settings.slice(), false);
      long cpuUsed = server.proc.cpuTicks() - cpu;
      double share = (server.proc.compilerTicks() - compiler) / (double) Math.max(1, cpuUsed);
      if (r.errors() != 0) fail("warm-up on " + path + ": " + r.errors() + " errors");
      if (r.requests() == 0) throw new IOException(mode + ": warm-up on " + path + ": no request completed");
      requests += r.requests();
      lastShare[i % 2] = share;
      slices.add(Map.of("path", path, "requests", r.requests(), "compiler_share", share));
      if (lastShare[0] < Settings.SETTLED_COMPILER_SHARE && lastShare[1] < Settings.SETTLED_COMPILER_SHARE) {
        settled = true;
        break;
      }
      if (System.nanoTime() - started >= settings.warmupCap().toNanos()) break;
    }
    Map<String, Object> warmup = new LinkedHashMap<>();
    warmup.put("seconds", (System.nanoTime() - started) / 1e9);
    warmup.put("requests", requests);
    warmup.put("settled", settled);
    warmup.put("slices", slices);
    result.put("warmup", warmup);
  }

  /** One burst of load on {@code path}: what it measured, for the round's record. */
  Map<String, Object> measure(String path) throws IOException, InterruptedException {
    Map<ThreadKind, Long> byKind = server.proc.ticksByKind();
    long cpu = server.proc.cpuTicks();
    long driver = DRIVER.getProcessCpuTime();
    Wrk.Result r = Wrk.run(server.base + path, settings.measure(), true);
    long ticks = server.proc.cpuTicks() - cpu;
    long driverNanos = DRIVER.getProcessCpuTime() - driver;
    Map<ThreadKind, Long> byKindAfter = server.proc.ticksByKind();
    if (r.errors() != 0) fail(path + ": " + r.errors() + " non-2xx answers or socket errors");
    if (r.requests() == 0) fail(path + ": no request completed");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", r.requests());
    m.put("seconds", r.seconds());
    m.put("requests_per_second", r.requestsPerSecond());
    m.put("p50_us", r.p50Micros());
    m.put("p99_us", r.p99Micros());
    m.put("cpu_ticks", ticks);
    m.put("cpu_us_per_request", ticks * 1e6 / clockTicks / Math.max(1, r.requests()));
    m.put("cpu_us_per_request_by_thread",
        ProcStats.perRequest(ticks, byKind, byKindAfter, r.requests(), clockTicks));
    m.put("driver_cpu_us_per_request", driverNanos / 1e3 / Math.max(1, r.requests()));
    m.put("errors", r.errors());
    return m;
  }

  /**
   * One SERVER span per request served (the outer {@code /lines} and its inner {@code /orders}
   * each count), one CLIENT span per {@code /lines}; none unsampled. For divak a shortfall is a
   * failure; for the agent it is a figure (its queue is known to drop), and its SERVER spans
   * include the calls of {@code GET /count}, which divak does not trace.
   */
  private void checkSpans(SpanSink.Counts got, long[] served) {
    boolean sends = mode.sampled && mode.tracer != Mode.Tracer.NONE;
    long server = sends ? served[0] + served[1] + (mode.tracer == Mode.Tracer.OTEL_AGENT ? served[2] : 0) : 0;
    long client = sends ? served[1] : 0;
    Map<String, Object> spans = new LinkedHashMap<>();
    spans.put("expected_server", server);
    spans.put("expected_client", client);
    spans.put("server", got.server());
    spans.put("client", got.client());
    spans.put("internal", got.internal());
    spans.put("other", got.other());
    spans.put("malformed", got.malformed());
    result.put("spans", spans);
    if (got.malformed() != 0) fail(got.malformed() + " span messages the sink could not read");
    boolean exact = got.server() == server && got.client() == client
        && got.internal() == 0 && got.other() == 0;
    if (mode.divak() || !sends) {
      if (!exact) fail("spans: expected " + server + " SERVER + " + client + " CLIENT, the sink got " + got);
    }
  }

  /** One line per request served, the calls of {@code /count} included, when the access log is on. */
  private void checkAccessLog(long[] served) throws IOException {
    Path log = dir.resolve("access.log");
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    long expected = mode.accessLog() ? served[0] + served[1] + served[2] : 0;
    result.put("access_lines", Map.of("expected", expected, "actual", (long) lines.size()));
    if (lines.size() != expected) {
      fail("access log: expected " + expected + " lines, " + log + " has " + lines.size());
    }
    if (mode.accessLog()) {
      // The client forwards the Request-Id and the trace: /lines/2 and its inner /orders/2 end in
      // probe-2, and the MDC's trace id (printed by the pattern) is the same in both, or
      // nothing when the MDC is off.
      List<String> probe2;
      try (Stream<String> s = lines.stream()) {
        probe2 = s.filter(l -> l.endsWith(" probe-2")).toList();
      }
      if (probe2.size() != 2) {
        fail("access log: " + probe2.size() + " lines end in probe-2; expected 2 (/lines/2 and its /orders/2)");
      } else {
        Pattern mdc = mode.off == Mode.Feature.MDC ? NO_MDC : MDC;
        for (String line : probe2) {
          if (!mdc.matcher(line).find()) fail("access log: the MDC in '" + line + "' is not " + mdc);
        }
        String trace = probe2.get(0).split(" ", 3)[1];
        if (!probe2.get(1).split(" ", 3)[1].equals(trace)) fail("access log: two trace ids for probe-2: " + probe2);
      }
    }
  }

  private void expect(String what, Object expected, Object actual) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      fail(what + ": expected " + expected + ", was " + actual);
    }
  }

  void fail(String message) {
    failures.add(mode + ": " + message);
  }
}
