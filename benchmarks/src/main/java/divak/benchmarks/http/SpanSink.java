package divak.benchmarks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * The collector of the real-HTTP benchmark, in the driver's JVM on 127.0.0.1: {@code POST
 * /MODE/api/v2/spans} (Zipkin v2 JSON, decoded by zipkin2) and {@code POST /MODE/v1/traces} (OTLP
 * http/protobuf, counted by {@link OtlpSpanCounter}; gzip or not). It counts spans by kind, apart
 * for each mode (every mode's server runs at the same time, each given its own {@link #url}), and
 * answers at once.
 */
final class SpanSink implements AutoCloseable {
  /** Spans received so far, by kind, and the bodies that could not be read. */
  record Counts(long server, long client, long internal, long other, long malformed) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(server + o.server, client + o.client, internal + o.internal,
          other + o.other, malformed + o.malformed);
    }
  }

  private static final String ZIPKIN = "/api/v2/spans";
  private static final String OTLP = "/v1/traces";

  private final HttpServer server;
  private final Map<String, Counts> byMode = new HashMap<>();

  SpanSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::receive);
    server.start(); // one dispatch thread: the handler below needs no more than synchronized
  }

  /** The root to give the server of {@code mode}: {@code http://127.0.0.1:N/mode}. */
  String url(String mode) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode;
  }

  synchronized Counts counts(String mode) {
    return byMode.getOrDefault(mode, Counts.NONE);
  }

  private void receive(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int slash = path.indexOf('/', 1);
    String mode = slash > 0 ? path.substring(1, slash) : "";
    String endpoint = slash > 0 ? path.substring(slash) : path;
    if (!"POST".equals(exchange.getRequestMethod()) || !(endpoint.equals(ZIPKIN) || endpoint.equals(OTLP))) {
      answer(exchange, 404, "text/plain");
      return;
    }
    byte[] body = body(exchange);
    Counts got;
    try {
      got = endpoint.equals(ZIPKIN) ? zipkin(body) : otlp(body);
    } catch (RuntimeException unreadable) {
      got = new Counts(0, 0, 0, 0, 1);
    }
    synchronized (this) {
      byMode.merge(mode, got, Counts::plus);
    }
    if (endpoint.equals(ZIPKIN)) {
      answer(exchange, 202, "application/json");
    } else {
      answer(exchange, 200, "application/x-protobuf"); // an empty ExportTraceServiceResponse: all accepted
    }
  }

  private static Counts zipkin(byte[] body) {
    long server = 0;
    long client = 0;
    long internal = 0;
    long other = 0;
    for (Span span : SpanBytesDecoder.JSON_V2.decodeList(body)) {
      if (span.kind() == Span.Kind.SERVER) server++;
      else if (span.kind() == Span.Kind.CLIENT) client++;
      else if (span.kind() == null) internal++;
      else other++;
    }
    return new Counts(server, client, internal, other, 0);
  }

  private static Counts otlp(byte[] body) {
    long[] byKind = new long[6];
    OtlpSpanCounter.count(body, byKind);
    return new Counts(byKind[OtlpSpanCounter.KIND_SERVER], byKind[OtlpSpanCounter.KIND_CLIENT],
        byKind[OtlpSpanCounter.KIND_INTERNAL], byKind[0] + byKind[4] + byKind[5], 0);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream raw = exchange.getRequestBody();
    boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }

  private static void answer(HttpExchange exchange, int status, String contentType)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
