package divak.benchmarks.http;

import ch.qos.logback.classic.LoggerContext;
import divak.Divak;
import divak.Sampler;
import divak.jaxrs.DivakFeature;
import divak.report.ZipkinReporter;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.LoggerFactory;

/**
 * The server JVM of the real-HTTP benchmark: Jersey on Grizzly on 127.0.0.1, a port of its own
 * choosing, which it writes to a file once it serves. Stops on SIGTERM: the server first, then
 * divak (which flushes its spans to the sink), then logback (which flushes its files).
 *
 * <pre>java -cp benchmarks.jar divak.benchmarks.http.OrdersServer MODE SINK_URL PORT_FILE</pre>
 *
 * <p>{@code SINK_URL} is the root of the span sink ({@code http://127.0.0.1:N}); divak sends
 * Zipkin v2 JSON to {@code SINK_URL/api/v2/spans}. The OpenTelemetry modes are the untraced
 * application with the agent on the command line, configured there.
 */
public final class OrdersServer {
  static final int WORKER_THREADS = 32;

  private OrdersServer() {
  }

  /** Starts the server of the mode {@code args[0]}; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: OrdersServer MODE SINK_URL PORT_FILE");
      System.exit(2);
    }
    Mode mode = Mode.of(args[0]);
    String sink = args[1];
    Path portFile = Path.of(args[2]);

    Divak divak = mode.divak() ? divak(mode, sink) : null;
    Client client = ClientBuilder.newClient();
    if (divak != null) client.register(new DivakFeature(divak));
    OrderClient orders = new OrderClient(client);
    RequestCounts counts = new RequestCounts();

    ResourceConfig app = new ResourceConfig()
        .register(CountResource.class)
        .register(new AbstractBinder() {
          @Override
          protected void configure() {
            bind(orders).to(OrderClient.class);
            bind(counts).to(RequestCounts.class);
          }
        });
    if (divak != null) {
      app.register(new DivakFeature(divak)
          .accessLog(mode.off != Mode.Feature.ACCESS_LOG)
          .untraced("/count"));
      app.register(DivakResources.class);
    } else {
      app.register(OrderResource.class);
    }

    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0/"), app, false);
    // Grizzly's default pool is two worker threads per core; with 8 connections on /lines, each
    // worker blocked on its inner call to /orders, nothing would be left to answer the inner
    // calls. A service that calls itself (or anything slow) sizes its pool; this one, for every
    // mode alike, well above wrk's 8 outer plus 8 inner requests.
    server.getListener("grizzly").getTransport().getWorkerThreadPoolConfig()
        .setCorePoolSize(WORKER_THREADS).setMaxPoolSize(WORKER_THREADS);
    server.start();
    int port = server.getListener("grizzly").getPort();
    orders.base(URI.create("http://127.0.0.1:" + port + "/"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, orders, divak), "stop"));
    // As services do, in every mode: so the first log line's cost (logback reading its
    // configuration) is in every mode's startup, not only in divak's, whose classes log.
    LoggerFactory.getLogger(OrdersServer.class).info("{} serving on 127.0.0.1:{}", mode, port);

    Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(written, Integer.toString(port), StandardCharsets.US_ASCII);
    Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
  }

  /** divak with its defaults, but for the sampler and the one feature the mode turns off. */
  static Divak divak(Mode mode, String sink) {
    Divak.Builder builder = Divak.builder()
        .serviceName("orders")
        .sampler(mode.sampled ? Sampler.always() : Sampler.never())
        .reporter(ZipkinReporter.create(sink + "/api/v2"));
    switch (mode.off) {
      case REQUEST_ID -> builder.generateRequestIds(false);
      case MDC -> builder.mdc(false);
      case METRICS -> builder.metrics(false);
      case NONE, ACCESS_LOG -> { }
    }
    return builder.build();
  }

  private static void stop(HttpServer server, OrderClient orders, Divak divak) {
    try {
      server.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      server.shutdownNow();
    }
    orders.close();
    if (divak != null) divak.close(); // flushes the queued spans
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop(); // flushes the log files
  }
}
