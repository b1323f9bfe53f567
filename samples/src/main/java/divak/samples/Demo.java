package divak.samples;

import divak.Divak;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Two services, {@code frontend} and {@code backend}, on 127.0.0.1. By default the demo sends a
 * handful of requests, prints each trace as a tree and exits; with {@code --serve} it keeps the
 * services running for {@code curl}. Spans go to the logging reporter (one JSON line each, in
 * {@code samples/target/spans.jsonl}), and also to Zipkin when {@code DIVAK_ZIPKIN_URL} is set
 * (e.g. {@code http://127.0.0.1:9411/api/v2}).
 */
public final class Demo {

  public static void main(String[] args) throws Exception {
    // Jersey and Grizzly log through java.util.logging; send that to SLF4J and logback too.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    boolean serve = List.of(args).contains("--serve");
    InMemoryReporter collected = Reporter.inMemory();
    String zipkin = System.getenv("DIVAK_ZIPKIN_URL");

    // Kept for the trees printed at the end; a long-running --serve keeps nothing in memory.
    Reporter local = serve ? span -> { } : collected;
    try (Divak frontend = tracer("frontend", local, zipkin);
        Divak backend = tracer("backend", local, zipkin);
        Services services = serve
            ? Services.start(frontend, backend, 8080, 8081)
            : Services.start(frontend, backend)) {
      if (serve) {
        System.out.println("frontend on " + services.frontendUri() + ", backend on " + services.backendUri());
        System.out.println("try: curl -i " + services.frontendUri() + "orders/1");
        System.out.println("     curl -i " + services.frontendUri() + "orders/3/eta");
        System.out.println("     curl -i -X POST " + services.frontendUri() + "orders/4/checkout");
        System.out.println("spans: one JSON line each in samples/target/spans.jsonl"
            + (zipkin != null ? " and in " + zipkin : "") + ". Ctrl-C to stop.");
        new CountDownLatch(1).await();
      }
      for (DemoTraffic.Exchange exchange : DemoTraffic.send(services.frontendUri())) {
        System.out.println("  " + exchange);
      }
      List<FinishedSpan> spans = awaitQuiet(collected);
      TraceTree.print(spans, System.out);
      if (zipkin != null) System.out.println("spans also sent to " + zipkin);
    }
  }

  private static Divak tracer(String service, Reporter collected, String zipkin) {
    Divak.Builder builder = Divak.builder()
        .serviceName(service)
        .reporter(Reporter.logging())
        .reporter(collected);
    if (zipkin != null && !zipkin.isBlank()) builder.reporter(ZipkinReporter.create(zipkin));
    return builder.build();
  }

  /** Waits until no span has arrived for a moment: server spans end after the response is sent. */
  private static List<FinishedSpan> awaitQuiet(InMemoryReporter reporter) throws InterruptedException {
    int last = -1;
    for (int i = 0; i < 50; i++) {
      int now = reporter.spans().size();
      if (now == last) break;
      last = now;
      Thread.sleep(100);
    }
    return reporter.spans();
  }

  private Demo() {
  }
}
