package divak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} exec jar) in a child process, on
 * 127.0.0.1, with in-memory storage. It binds a port of its own choosing (port 0); the port is
 * the one among its listening sockets that answers {@code /health}: no port is chosen, released
 * and bound again.
 *
 * <pre>{@code
 * try (ZipkinServer zipkin = ZipkinServer.start()) {
 *   ZipkinReporter reporter = ZipkinReporter.create(zipkin.baseUrl());
 *   ...
 * }
 * }</pre>
 *
 * <p>The jar is found through the system property {@value #JAR_PROPERTY}, which the module's pom
 * sets for its tests after copying the jar with maven-dependency-plugin. When the property is not
 * set or names no file, {@link #start()} fails and says so: a test that needs Zipkin never skips
 * silently.
 */
public final class ZipkinServer implements AutoCloseable {
  /** The system property that holds the path of the Zipkin server exec jar. */
  public static final String JAR_PROPERTY = "divak.zipkin.jar";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
  private static final HttpClient HEALTH = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread shutdownHook;

  private ZipkinServer(Process process, Path log, Thread shutdownHook) {
    this.process = process;
    this.log = log;
    this.shutdownHook = shutdownHook;
    int healthy;
    try {
      healthy = Await.value("the Zipkin server listening on 127.0.0.1 and healthy",
          STARTUP_TIMEOUT, this::healthyPort, found -> found > 0);
    } catch (AssertionError e) {
      close();
      throw new IllegalStateException(e.getMessage() + "; its log ends with:\n" + logTail(), e);
    }
    this.port = healthy;
  }

  /**
   * Starts the server and returns once {@code /health} answers UP.
   *
   * @throws IllegalStateException when the jar cannot be found, or the server does not become
   *     healthy (the message carries the end of its log)
   */
  public static ZipkinServer start() {
    return launch(jar());
  }

  /** The jar named by {@value #JAR_PROPERTY}, or a clear failure. */
  static Path jar() {
    String property = System.getProperty(JAR_PROPERTY);
    if (property == null || property.isBlank()) {
      throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set, so the"
          + " Zipkin server jar cannot be found. Maven sets it for tests (maven-dependency-plugin"
          + " copies io.zipkin:zipkin-server:exec to target/zipkin/zipkin-server.jar, and surefire"
          + " passes the path); elsewhere pass -D" + JAR_PROPERTY + "=/path/to/zipkin-server-exec.jar");
    }
    Path jar = Paths.get(property);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("System property " + JAR_PROPERTY + " names " + jar
          + ", which is not a file. Run the module's Maven build up to process-test-resources"
          + " to copy the Zipkin server jar there, or point " + JAR_PROPERTY + " at the jar.");
    }
    return jar;
  }

  private static ZipkinServer launch(Path jar) {
    try {
      Path log = Files.createTempFile("zipkin-server-", ".log");
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(
          java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-jar", jar.toString(),
          "--spring.main.banner-mode=off",
          "--logging.level.root=WARN",
          // Listen on loopback only, on a port of its choosing (QUERY_PORT alone binds every
          // interface).
          "--armeria.ports[0].ip=127.0.0.1",
          "--armeria.ports[0].port=0",
          "--armeria.ports[0].protocols[0]=http"));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("QUERY_PORT", "0");
      builder.environment().put("STORAGE_TYPE", "mem");
      Process process = builder.start();
      Thread shutdownHook = new Thread(process::destroyForcibly, "zipkin-server-stop");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      return new ZipkinServer(process, log, shutdownHook);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Zipkin server from " + jar, e);
    }
  }

  /**
   * The port among those the process listens on (read from its sockets) that answers {@code
   * /health} with UP, or 0 while there is none: the JVM may listen on other ports on the way.
   */
  private int healthyPort() throws Exception {
    if (!process.isAlive()) {
      throw new AssertionError("the Zipkin server exited with " + process.exitValue()
          + " before it was healthy");
    }
    for (int candidate : Ports.listeningOnLoopback(process.pid())) {
      HttpRequest health = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + candidate + "/health"))
          .timeout(Duration.ofSeconds(5))
          .build();
      try {
        HttpResponse<String> response = HEALTH.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) return candidate;
      } catch (IOException notYet) {
        // not answering yet, or not HTTP
      }
    }
    return 0;
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The API root to give a reporter: {@code http://127.0.0.1:{port}/api/v2}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/api/v2";
  }

  /** Stops the server and waits for its process to end. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a temporary file; not worth failing a test for
    }
  }

  @Override
  public String toString() {
    return "ZipkinServer{" + baseUrl() + "}";
  }

  private String logTail() {
    try {
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
