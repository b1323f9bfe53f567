package divak.benchmarks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.zip.GZIPInputStream;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * The collector of the real-HTTP benchmark, in the driver's JVM on 127.0.0.1: {@code POST
 * /api/v2/spans} (Zipkin v2 JSON, decoded by zipkin2) and {@code POST /v1/traces} (OTLP
 * http/protobuf, counted by {@link OtlpSpanCounter}; gzip or not). It counts spans by kind and
 * answers at once. One server runs at a time, so the driver takes a {@link #counts()} before and
 * after each and subtracts.
 */
final class SpanSink implements AutoCloseable {
  /** Spans received so far, by kind, and the bodies that could not be read. */
  record Counts(long server, long client, long internal, long other, long malformed) {
    Counts minus(Counts o) {
      return new Counts(server - o.server, client - o.client, internal - o.internal,
          other - o.other, malformed - o.malformed);
    }

    long total() {
      return server + client + internal + other;
    }
  }

  private final HttpServer server;
  private long serverSpans;
  private long clientSpans;
  private long internalSpans;
  private long otherSpans;
  private long malformed;

  SpanSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v2/spans", this::zipkin);
    server.createContext("/v1/traces", this::otlp);
    server.start(); // one dispatch thread: the handlers below need no more than synchronized
  }

  /** The root to give a server: {@code http://127.0.0.1:N}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized Counts counts() {
    return new Counts(serverSpans, clientSpans, internalSpans, otherSpans, malformed);
  }

  private void zipkin(HttpExchange exchange) throws IOException {
    byte[] body = body(exchange);
    synchronized (this) {
      try {
        List<Span> spans = SpanBytesDecoder.JSON_V2.decodeList(body);
        for (Span span : spans) {
          if (span.kind() == Span.Kind.SERVER) serverSpans++;
          else if (span.kind() == Span.Kind.CLIENT) clientSpans++;
          else if (span.kind() == null) internalSpans++;
          else otherSpans++;
        }
      } catch (RuntimeException e) {
        malformed++;
      }
    }
    answer(exchange, 202, "application/json");
  }

  private void otlp(HttpExchange exchange) throws IOException {
    byte[] body = body(exchange);
    long[] byKind = new long[6];
    synchronized (this) {
      try {
        OtlpSpanCounter.count(body, byKind);
        internalSpans += byKind[OtlpSpanCounter.KIND_INTERNAL];
        serverSpans += byKind[OtlpSpanCounter.KIND_SERVER];
        clientSpans += byKind[OtlpSpanCounter.KIND_CLIENT];
        otherSpans += byKind[0] + byKind[4] + byKind[5];
      } catch (IllegalArgumentException e) {
        malformed++;
      }
    }
    // An empty ExportTraceServiceResponse: all spans accepted.
    answer(exchange, 200, "application/x-protobuf");
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
