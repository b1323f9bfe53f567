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
 * checks that it is a JSON list, counts requests and bytes, and answers 202.
 *
 * <p>It does not parse: the benchmark sends one span over and over, so the number of spans in the
 * requests follows from the bytes ({@link #spans(int)}), at no cost to the machine the reporter
 * is measured on.
 */
final class LoopbackSink implements AutoCloseable {
  private final HttpServer server;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong malformed = new AtomicLong();

  LoopbackSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v2/spans", this::handle);
    server.start();
  }

  /** The API root to give a reporter. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
  }

  /**
   * The spans received so far, when every span was {@code spanBytes} long: a body of n spans is
   * {@code [span,span,...]}, n * spanBytes + (n - 1) + 2 bytes. -1 when the bytes do not add up.
   */
  long spans(int spanBytes) {
    long requestCount = requests.get();
    long extra = bytes.get() - requestCount; // each request: one comma fewer than spans, 2 brackets
    if (malformed.get() != 0 || extra % (spanBytes + 1) != 0) return -1;
    return extra / (spanBytes + 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long total = 0;
    byte first = 0;
    byte last = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = exchange.getRequestBody()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (total == 0) first = buffer[0];
        total += n;
        last = buffer[n - 1];
      }
    }
    if (first != '[' || last != ']') malformed.incrementAndGet();
    bytes.addAndGet(total);
    requests.incrementAndGet();
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
