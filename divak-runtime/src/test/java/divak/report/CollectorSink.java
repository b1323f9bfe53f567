package divak.report;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * A stand-in Zipkin collector on 127.0.0.1: decodes each {@code POST /api/v2/spans} with zipkin2
 * and keeps the spans. It can be held (requests wait until released), stopped and started again
 * on the same port.
 */
final class CollectorSink implements AutoCloseable {
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private final AtomicInteger largestBody = new AtomicInteger();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private volatile CountDownLatch firstRequest = new CountDownLatch(1);
  private final int port;
  private HttpServer server;

  private CollectorSink() {
    this.server = bind(0);
    this.port = server.getAddress().getPort();
  }

  static CollectorSink start() {
    return new CollectorSink();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port + "/api/v2";
  }

  List<Span> spans() {
    return spans;
  }

  int requests() {
    return requests.get();
  }

  /** The size of the largest request body received. */
  int largestBody() {
    return largestBody.get();
  }

  int malformed() {
    return malformed.get();
  }

  /** Requests from now on wait until {@link #release()}. */
  void hold() {
    firstRequest = new CountDownLatch(1);
    hold = new CountDownLatch(1);
  }

  void release() {
    hold.countDown();
  }

  /** Waits until a request arrived since {@link #hold()}. */
  boolean awaitRequest(long seconds) throws InterruptedException {
    return firstRequest.await(seconds, TimeUnit.SECONDS);
  }

  synchronized void stop() {
    release();
    if (server != null) {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
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
        sleep(100);
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
      s.createContext("/api/v2/spans", this::handle);
      s.setExecutor(Executors.newFixedThreadPool(4, daemon()));
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      requests.incrementAndGet();
      largestBody.accumulateAndGet(body.length, Math::max);
      firstRequest.countDown();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      try {
        spans.addAll(SpanBytesDecoder.JSON_V2.decodeList(body));
      } catch (RuntimeException e) {
        malformed.incrementAndGet();
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.sendResponseHeaders(202, -1);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "collector-sink");
      t.setDaemon(true);
      return t;
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
