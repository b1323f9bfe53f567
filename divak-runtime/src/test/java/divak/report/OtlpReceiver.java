package divak.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in OTLP/HTTP receiver on 127.0.0.1: decodes each {@code POST /v1/traces} with the real
 * {@code opentelemetry-proto} classes (gunzipping when the request says gzip) and keeps the
 * requests and their headers. It can be stopped and started again on the same port.
 */
final class OtlpReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(ExportTraceServiceRequest request, String contentType, String contentEncoding,
      String authorization) {
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger malformed = new AtomicInteger();
  private final int port;
  private HttpServer server;

  private OtlpReceiver() {
    this.server = bind(0);
    this.port = server.getAddress().getPort();
  }

  static OtlpReceiver start() {
    return new OtlpReceiver();
  }

  /** The base URL, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it. */
  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  List<Received> received() {
    return received;
  }

  int malformed() {
    return malformed.get();
  }

  /** Every span received, across requests and resources. */
  List<io.opentelemetry.proto.trace.v1.Span> spans() {
    return received.stream()
        .flatMap(r -> r.request().getResourceSpansList().stream())
        .flatMap(rs -> rs.getScopeSpansList().stream())
        .flatMap(ss -> ss.getSpansList().stream())
        .toList();
  }

  List<ResourceSpans> resourceSpans() {
    return received.stream().flatMap(r -> r.request().getResourceSpansList().stream()).toList();
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
    server = null;
  }

  /** Listens again on the same port. */
  synchronized void restart() {
    if (server != null) return;
    UncheckedIOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        server = bind(port);
        return;
      } catch (UncheckedIOException e) {
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
    throw new IllegalStateException("could not listen on port " + port + " again", last);
  }

  @Override
  public void close() {
    stop();
  }

  private HttpServer bind(int port) {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      s.createContext("/v1/traces", this::handle);
      s.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "otlp-receiver");
        t.setDaemon(true);
        return t;
      }));
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      byte[] body;
      try (InputStream in = "gzip".equals(encoding)
          ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ExportTraceServiceRequest request;
      try {
        request = ExportTraceServiceRequest.parseFrom(body);
      } catch (IOException e) {
        malformed.incrementAndGet();
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      received.add(new Received(request, exchange.getRequestHeaders().getFirst("Content-Type"),
          encoding, exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }
}
