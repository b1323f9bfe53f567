package divak.benchmarks.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link OrdersServer} JVM: started with the same flags for every mode (plus the agent for the
 * OpenTelemetry modes), waited for until {@code /orders/1} answers 200 (the startup time), asked
 * over HTTP, and stopped with SIGTERM so that it flushes its spans and logs.
 */
final class ServerProcess implements AutoCloseable {
  /** The same for every mode: a fixed heap, the default GC, all compiler threads kept alive. */
  static final List<String> JVM_FLAGS =
      List.of("-Xms512m", "-Xmx512m", "-XX:-UseDynamicNumberOfCompilerThreads");
  static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  static final Duration STOP_LIMIT = Duration.ofSeconds(60);

  final Mode mode;
  final Process process;
  final ProcStats proc;
  final long startupNanos;
  final String base;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private ServerProcess(Mode mode, Process process, long startupNanos, String base) {
    this.mode = mode;
    this.process = process;
    this.proc = new ProcStats(process.pid());
    this.startupNanos = startupNanos;
    this.base = base;
  }

  /**
   * Starts the server of {@code mode}, logging under {@code dir}, and returns once {@code
   * /orders/1} answered 200.
   */
  static ServerProcess start(Mode mode, Path dir, String java, String classPath, Path agent,
      String sinkUrl) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path portFile = dir.resolve("port");
    Files.deleteIfExists(portFile);
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_FLAGS);
    if (mode.tracer == Mode.Tracer.OTEL_AGENT) {
      if (!Files.isRegularFile(agent)) {
        throw new IOException("no OpenTelemetry agent at " + agent
            + ": build the benchmarks module (mvn -pl benchmarks -am package) first");
      }
      command.addAll(List.of("-javaagent:" + agent,
          "-Dotel.service.name=orders",
          "-Dotel.traces.exporter=otlp",
          "-Dotel.exporter.otlp.protocol=http/protobuf",
          "-Dotel.exporter.otlp.endpoint=" + sinkUrl,
          "-Dotel.traces.sampler=" + (mode.sampled ? "always_on" : "always_off"),
          "-Dotel.metrics.exporter=none",
          "-Dotel.logs.exporter=none"));
    }
    command.addAll(List.of("-Dlogback.configurationFile=" + mode.logbackConfig,
        "-Ddivak.bench.logDir=" + dir.toAbsolutePath(),
        "-cp", classPath, OrdersServer.class.getName(), mode.id, sinkUrl, portFile.toString()));
    Files.writeString(dir.resolve("command"), String.join(" ", command) + "\n");

    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
    long deadline = started + STARTUP_LIMIT.toNanos();
    while (!Files.exists(portFile)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(mode + ": the server did not start; see " + dir.resolve("stdout.txt"));
      }
      Thread.sleep(2);
    }
    String base = "http://127.0.0.1:" + Files.readString(portFile).strip();
    HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest first = HttpRequest.newBuilder(URI.create(base + "/orders/1")).build();
    while (true) {
      try {
        if (probe.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
      } catch (ConnectException notYet) {
        // the port is bound before Grizzly accepts
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(mode + ": /orders/1 never answered 200; see " + dir.resolve("stdout.txt"));
      }
      Thread.sleep(5);
    }
    return new ServerProcess(mode, process, System.nanoTime() - started, base);
  }

  /** A GET of {@code path}, with a {@code Request-Id} when {@code requestId} is not null. */
  HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(10));
    if (requestId != null) request.header("Request-Id", requestId);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * What the resource served, once every request still in flight when {@code wrk} stopped has
   * reached it: {@code /count} read every 250 ms until three reads in a row agree (at most 10 s).
   * Returns {@code {orders, lines, calls of /count}}.
   */
  long[] settledCounts() throws IOException, InterruptedException {
    long[] last = counts();
    int calls = 1;
    for (int same = 1; same < 3 && calls < 40; calls++) {
      Thread.sleep(250);
      long[] now = counts();
      same = now[0] == last[0] && now[1] == last[1] ? same + 1 : 1;
      last = now;
    }
    return new long[] {last[0], last[1], calls};
  }

  /** {@code orders lines}: what the resource served (see {@link CountResource}). */
  private long[] counts() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/count", null);
    if (response.statusCode() != 200) {
      throw new IOException(mode + ": /count answered " + response.statusCode());
    }
    String[] parts = response.body().strip().split(" ");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  /** SIGTERM, then waits for the exit (the shutdown hooks flush). True when it exited 0 or 143. */
  boolean stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return false;
    }
    int exit = process.exitValue();
    return exit == 0 || exit == 143;
  }

  @Override
  public void close() {
    if (process.isAlive()) process.destroyForcibly();
  }
}
