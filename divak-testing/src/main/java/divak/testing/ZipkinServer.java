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
 * 127.0.0.1, with in-memory storage. It binds a port of its own choosing (port 0), which is read
 * from its listening socket ({@link Ports#awaitListening}): no port is chosen, released and bound
 * again.
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

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread shutdownHook;

  private ZipkinServer(Process process, Path log, Thread shutdownHook) {
    this.process = process;
    this.log = log;
    this.shutdownHook = shutdownHook;
    int bound;
    try {
      bound = Ports.awaitListening(process, "the Zipkin server", STARTUP_TIMEOUT);
    } catch (AssertionError e) {
      close();
      throw new IllegalStateException(e.getMessage() + "; its log ends with:\n" + logTail(), e);
    }
    this.port = bound;
  }

  /**
   * Starts the server and returns once {@code /health} answers UP.
   *
   * @throws IllegalStateException when the jar cannot be found, or the server does not become
   *     healthy (the message carries the end of its log)
   */
  public static ZipkinServer start() {
    ZipkinServer server = launch(jar());
    try {
      server.awaitHealthy();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
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

  private void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(5))
        .build();
    try {
      Await.value("the Zipkin server on port " + port + " healthy", STARTUP_TIMEOUT, () -> {
        if (!process.isAlive()) {
          throw new AssertionError("the Zipkin server on port " + port + " exited with "
              + process.exitValue() + " before it was healthy");
        }
        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("UP");
      }, healthy -> healthy);
    } catch (AssertionError e) {
      throw new IllegalStateException(e.getMessage() + "; its log ends with:\n" + logTail(), e);
    }
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
