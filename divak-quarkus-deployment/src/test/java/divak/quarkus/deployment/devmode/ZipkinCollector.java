package divak.quarkus.deployment.devmode;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Zipkin collector on an ephemeral loopback port that keeps the JSON bodies POSTed to
 * {@code /api/v2/spans}: the application in dev mode runs in class loaders of its own and
 * restarts on every change, so its spans are collected over HTTP, as a real Zipkin would.
 */
final class ZipkinCollector implements AutoCloseable {
  private final HttpServer server;
  private final List<String> bodies = new ArrayList<>();

  private ZipkinCollector(HttpServer server) {
    this.server = server;
  }

  static ZipkinCollector start() {
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ZipkinCollector collector = new ZipkinCollector(server);
      server.createContext("/api/v2/spans", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          collector.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
      });
      server.start();
      return collector;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The collector's API root, as {@code quarkus.divak.zipkin-url} takes it. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
  }

  private synchronized void add(String body) {
    bodies.add(body);
  }

  /** Every JSON list received so far, in arrival order, joined by new lines. */
  synchronized String received() {
    return String.join("\n", bodies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
