package divak.testing;

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
import org.jspecify.annotations.Nullable;
import zipkin2.codec.SpanBytesDecoder;

/**
 * A loopback Zipkin collector: an HTTP server on 127.0.0.1 and a port it binds itself, which
 * decodes each {@code POST /api/v2/spans} with zipkin2 and keeps the spans. It can be held
 * (requests wait until released), stopped and started again on the same port (the one rebind in
 * the kit: a collector that comes back has the same address). Needs {@code
 * io.zipkin.zipkin2:zipkin} on the test class path.
 *
 * <pre>{@code
 * try (ZipkinSink sink = ZipkinSink.start()) {
 *   ZipkinReporter reporter = ZipkinReporter.create(sink.baseUrl());
 *   ...
 *   Await.until("one span", () -> sink.spans().size() == 1);
 * }
 * }</pre>
 */
public final class ZipkinSink implements AutoCloseable {
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private final AtomicInteger largestBody = new AtomicInteger();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private volatile CountDownLatch firstRequest = new CountDownLatch(1);
  private final int port;
  private @Nullable HttpServer server;

  private ZipkinSink() {
    HttpServer bound = bind(0);
    this.server = bound;
    this.port = bound.getAddress().getPort();
  }

  /** Starts a sink. */
  public static ZipkinSink start() {
    return new ZipkinSink();
  }

  /** The API root to give a reporter: {@code http://127.0.0.1:{port}/api/v2}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/api/v2";
  }

  /** The spans received, in the order received; a live view. */
  public List<Span> spans() {
    return spans;
  }

  /** The number of requests received, well-formed or not. */
  public int requests() {
    return requests.get();
  }

  /** The size of the largest request body received. */
  public int largestBody() {
    return largestBody.get();
  }

  /** The number of requests whose body zipkin2 could not decode (answered 400). */
  public int malformed() {
    return malformed.get();
  }

  /** Requests from now on wait until {@link #release()}. */
  public void hold() {
    firstRequest = new CountDownLatch(1);
    hold = new CountDownLatch(1);
  }

  /** Lets held requests, and those that come later, through. */
  public void release() {
    hold.countDown();
  }

  /** Waits until a request arrived since {@link #hold()}. */
  public boolean awaitRequest(long seconds) throws InterruptedException {
    return firstRequest.await(seconds, TimeUnit.SECONDS);
  }

  /** Stops listening: connections to the port are refused until {@link #restart()}. */
  public synchronized void stop() {
    release();
    if (server != null) {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
    server = null;
  }

  /**
   * Listens again on the same port. The port was released by {@link #stop()}; a socket of the
   * stopped server may hold it for a moment, so binding is retried until {@link Await#DEADLINE}.
   */
  public synchronized void restart() {
    if (server != null) return;
    server = Await.value("listening on 127.0.0.1:" + port + " again", () -> bind(port),
        bound -> true);
  }

  /** Stops the sink for good. */
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
}
