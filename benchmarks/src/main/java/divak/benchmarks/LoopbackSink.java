package divak.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a Zipkin collector on 127.0.0.1: {@code POST /api/v2/spans} reads the body,
 * counts the spans in it and answers 202. Counting scans for the {@code {"traceId":} that opens
 * every span, so that the benchmark can check what arrived without the cost of parsing.
 */
final class LoopbackSink implements AutoCloseable {
  private static final byte[] SPAN_START = "{\"traceId\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final HttpServer server;
  final AtomicLong spans = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();

  LoopbackSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v2/spans", this::handle);
    server.start();
  }

  /** The API root to give a reporter. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
  }

  private void handle(HttpExchange exchange) throws IOException {
    long count = 0;
    long total = 0;
    int matched = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = exchange.getRequestBody()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == SPAN_START[matched]) {
            if (++matched == SPAN_START.length) {
              count++;
              matched = 0;
            }
          } else {
            matched = b == SPAN_START[0] ? 1 : 0;
          }
        }
      }
    }
    spans.addAndGet(count);
    requests.incrementAndGet();
    bytes.addAndGet(total);
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
