package divak.jaxrs;

// Long because the suite that Jersey and RESTEasy both run, one test per request behaviour of the
// filters; one file is what makes both containers answer to the same list.

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.Divak;
import divak.Sampler;
import divak.Span;
import divak.jaxrs.TestResources.Api;
import divak.jaxrs.TestResources.MdcProbe;
import divak.jaxrs.TestResources.Seen;
import divak.propagation.Propagation;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import divak.testing.ZipkinServer;
import jakarta.ws.rs.client.ClientBuilder;
import divak.testing.Await;
import divak.testing.Ports;
import jakarta.ws.rs.client.Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What {@link DivakFeature} does on a real server, written once and run on every container (one
 * subclass each). Requests go over HTTP to 127.0.0.1; nothing of the container is mocked.
 */
abstract class ContainerContract {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  /** Starts the container with these resources and providers and that many worker threads. */
  protected abstract TestServer start(int workerThreads, Object... components);

  /** True when the container lets divak see the exception behind a 5xx (not only its status). */
  protected abstract boolean seesExceptions();

  /** True when the container lets divak see a client call that got no response. */
  protected abstract boolean seesClientFailures();

  final InMemoryReporter reporter = Reporter.inMemory();
  final List<AutoCloseable> closeables = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  ListAppender<ILoggingEvent> logs;

  static {
    // What the container logs through java.util.logging (Jersey, Grizzly) reaches the appender.
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  @BeforeEach
  void captureLogs() {
    logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    root().detachAppender(logs);
    for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  // --- a service ---

  final class Service {
    final Divak divak;
    final Api api;
    final MdcProbe probe = new MdcProbe();
    final TestServer server;

    Service(Divak divak, int workers, DivakFeature feature) {
      this.divak = divak;
      this.api = new Api(divak);
      // An authentication filter and a status-changing response filter, as applications have
      // them, around every request of the suite; a sub-resource locator; a mapped 4xx.
      this.server = start(workers, api, feature, probe, new TestResources.TeapotMapper(),
          new TestResources.ConflictMapper(), new TestResources.Shelf(),
          new TestResources.Authentication(), new TestResources.Breaker());
      closeables.add(server);
      closeables.add(divak);
    }

    URI uri(String path) {
      return server.uri().resolve(path);
    }

    void callsTo(URI downstream) {
      Client client = TestResources.tracingClient(divak);
      closeables.add(client);
      api.client = client;
      api.downstream = downstream;
    }
  }

  Service service(String name) {
    return service(Divak.builder().serviceName(name).reporter(reporter).build(), 4);
  }

  Service service(Divak divak, int workers) {
    return new Service(divak, workers, new DivakFeature(divak));
  }

  HttpResponse<String> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) request.headers(headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for spans: a server span is reported once its response is written, maybe just after. */
  List<FinishedSpan> awaitSpans(int count) throws InterruptedException {
    return Await.value(count + " spans", reporter::spans, spans -> spans.size() >= count);
  }

  FinishedSpan awaitSpan(Predicate<FinishedSpan> which) throws InterruptedException {
    return Await.value("such a span in " + reporter.spans(),
        () -> reporter.spans().stream().filter(which).findFirst(), Optional::isPresent).get();
  }

  static Predicate<FinishedSpan> named(String name) {
    return s -> s.name().equals(name);
  }

  List<ILoggingEvent> accessLines() {
    return logs.list.stream().filter(e -> e.getLoggerName().equals("divak.access")).toList();
  }

  ILoggingEvent awaitAccessLine(String containing) throws InterruptedException {
    return Await.value("an access line with " + containing, () -> accessLines().stream()
        .filter(e -> e.getFormattedMessage().contains(containing)).findFirst(), Optional::isPresent)
        .get();
  }

  // --- the tests ---

  @Test
  void twoHopsMakeOneTraceOfThreeSpans() throws Exception {
    Service b = service("b");
    Service a = service("a");
    a.callsTo(b.server.uri());

    HttpResponse<String> response = get(a.uri("/api/call"), "Request-Id", "rid-two-hops");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).as("B's Request-Id, as A's client saw it").isEqualTo("rid-two-hops");
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-two-hops");
    List<FinishedSpan> spans = awaitSpans(3);
    FinishedSpan aServer = awaitSpan(s -> s.localServiceName().equals("a") && s.kind() == Span.Kind.SERVER);
    FinishedSpan aClient = awaitSpan(s -> s.localServiceName().equals("a") && s.kind() == Span.Kind.CLIENT);
    FinishedSpan bServer = awaitSpan(s -> s.localServiceName().equals("b") && s.kind() == Span.Kind.SERVER);
    assertThat(spans).hasSize(3);
    assertThat(spans).extracting(s -> s.context().traceIdString()).containsOnly(aServer.context().traceIdString());
    assertThat(aServer.context().parentId()).isZero();
    assertThat(aClient.context().parentIdString()).isEqualTo(aServer.context().spanIdString());
    assertThat(bServer.context().parentIdString()).isEqualTo(aClient.context().spanIdString());
    assertThat(aServer.name()).isEqualTo("GET /api/call");
    assertThat(aClient.name()).isEqualTo("GET");
    assertThat(aClient.tag("http.method")).isEqualTo("GET");
    assertThat(aClient.tag("http.path")).isEqualTo("/api/hello");
    assertThat(aClient.tag("http.status_code")).isEqualTo("200");
    assertThat(aClient.tag("error")).isNull();
    assertThat(bServer.name()).isEqualTo("GET /api/hello");
    assertThat(b.api.seen).singleElement().satisfies(seen -> {
      assertThat(seen.mdcRequestId()).isEqualTo("rid-two-hops");
      assertThat(seen.mdcTraceId()).isEqualTo(aServer.context().traceIdString());
    });
  }

  @Test
  void upstreamTraceparentIsJoined() throws Exception {
    Service a = service("a");

    get(a.uri("/api/hello"), "traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01");

    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.context().traceIdString()).isEqualTo(TRACE_ID);
    assertThat(span.context().parentIdString()).isEqualTo(PARENT_ID);
    assertThat(span.kind()).isEqualTo(Span.Kind.SERVER);
  }

  @Test
  void upstreamB3IsJoined() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter)
        .propagation(Propagation.w3c(), Propagation.b3(), Propagation.b3Single()).build();
    Service a = service(divak, 2);

    get(a.uri("/api/hello"), "X-B3-TraceId", TRACE_ID, "X-B3-SpanId", PARENT_ID, "X-B3-Sampled", "1");
    get(a.uri("/api/hello"), "b3", TRACE_ID + "-" + "00f067aa0ba902b8" + "-1");

    List<FinishedSpan> spans = awaitSpans(2);
    assertThat(spans).extracting(s -> s.context().traceIdString()).containsOnly(TRACE_ID);
    assertThat(spans).extracting(s -> s.context().parentIdString())
        .containsExactlyInAnyOrder(PARENT_ID, "00f067aa0ba902b8");
  }

  @Test
  void spanIsNamedAfterTheRouteTemplateAndTagged() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/orders/42"));

    assertThat(response.body()).isEqualTo("order 42");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.name()).isEqualTo("GET /api/orders/{id}");
    assertThat(span.tag("http.route")).isEqualTo("/api/orders/{id}");
    assertThat(span.tag("http.method")).isEqualTo("GET");
    assertThat(span.tag("http.path")).isEqualTo("/api/orders/42");
    assertThat(span.tag("http.status_code")).isEqualTo("200");
    assertThat(span.tag("error")).isNull();
  }

  @Test
  void unmatchedRequestIsTracedWithoutRoute() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/nowhere/7"), "Request-Id", "rid-404");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-404");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.tag("http.route")).isNull();
    assertThat(span.tag("http.status_code")).isEqualTo("404");
    assertThat(span.tag("error")).isNull();
    assertThat(awaitAccessLine("rid-404").getLevel()).hasToString("WARN");
  }

  @Test
  void requestIdIsCopiedWhenPresent() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/hello"), "Request-Id", "abc-123");

    assertThat(response.headers().firstValue("Request-Id")).hasValue("abc-123");
    assertThat(a.api.seen).singleElement().extracting(Seen::mdcRequestId).isEqualTo("abc-123");
  }

  @Test
  void requestIdIsGeneratedWhenAbsent() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/hello"));

    String generated = response.headers().firstValue("Request-Id").orElseThrow();
    assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(a.api.seen).singleElement().extracting(Seen::mdcRequestId).isEqualTo(generated);
  }

  @Test
  void requestIdIsNotGeneratedWhenTurnedOff() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).requestIdGenerator(null).build();
    Service a = service(divak, 2);

    HttpResponse<String> response = get(a.uri("/api/hello"));
    HttpResponse<String> relayed = get(a.uri("/api/hello"), "Request-Id", "still-relayed");

    assertThat(response.headers().firstValue("Request-Id")).isEmpty();
    assertThat(relayed.headers().firstValue("Request-Id")).hasValue("still-relayed");
  }

  @Test
  void customRequestIdHeaderAndMdcKeys() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).requestIdHeader("X-Correlation")
        .mdcKeys("t", "s", "r").build();
    Api api = new Api(divak);
    TestServer server = start(2, api, new DivakFeature(divak).accessLog(false));
    closeables.add(server);
    closeables.add(divak);

    HttpResponse<String> response = get(server.uri().resolve("/api/hello"), "X-Correlation", "corr-1");

    assertThat(response.headers().firstValue("X-Correlation")).hasValue("corr-1");
    assertThat(response.headers().firstValue("Request-Id")).isEmpty();
    ILoggingEvent line = logs.list.stream().filter(e -> e.getLoggerName().equals("test.resource"))
        .findFirst().orElseThrow();
    assertThat(line.getMDCPropertyMap()).containsEntry("r", "corr-1").containsKeys("t", "s")
        .doesNotContainKey("requestId");
    awaitSpans(1);
    assertThat(accessLines()).isEmpty();
  }

  @Test
  void unhandledExceptionEndsTheSpanWithItsClassAndA500CarryingTheRequestId() throws Exception {
    Service a = service(Divak.builder().serviceName("a").reporter(reporter).build(), 1);

    HttpResponse<String> response = get(a.uri("/api/boom"), "Request-Id", "rid-boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-boom");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.name()).isEqualTo("GET /api/boom");
    assertThat(span.tag("http.status_code")).isEqualTo("500");
    assertThat(span.tag("error")).isNotNull();
    if (seesExceptions()) {
      assertThat(span.tag("exception.type")).isEqualTo(IllegalStateException.class.getName());
      assertThat(span.tag("error")).isEqualTo("boom");
    }
    assertThat(awaitAccessLine("rid-boom").getLevel()).hasToString("ERROR");
    // The next request on the only worker thread finds the MDC as the probe left it before.
    get(a.uri("/api/hello"));
    List<MdcProbe.Snapshot> snapshots = a.probe.list();
    assertThat(snapshots).hasSize(2);
    assertThat(snapshots.get(1).thread()).isEqualTo(snapshots.get(0).thread());
    assertThat(snapshots.get(1).mdc()).containsEntry("traceId", snapshots.get(0).sentinel())
        .containsEntry("requestId", snapshots.get(0).sentinel());
  }

  @Test
  void unhandledExceptionMakesTheContainerLogNothingButTheExceptionItself() throws Exception {
    Service a = service(Divak.builder().serviceName("a").reporter(reporter).build(), 1);

    HttpResponse<String> response = get(a.uri("/api/boom"), "Request-Id", "rid-quiet");
    get(a.uri("/api/hello")); // on the only worker: the failed request is over when this is answered

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-quiet");
    FinishedSpan span = awaitSpan(named("GET /api/boom"));
    if (seesExceptions()) {
      assertThat(span.tag("exception.type")).isEqualTo(IllegalStateException.class.getName());
    }
    assertThat(containerErrors()).as("errors the container logged").isEmpty();
  }

  /**
   * What the container logged at ERROR (SEVERE), other than the access log and the report of the
   * resource's own exception ("boom"), which containers log by design.
   */
  List<String> containerErrors() {
    List<String> errors = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(logs.list)) {
      if (!e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR)) continue;
      if (e.getLoggerName().equals("divak.access")) continue;
      var thrown = e.getThrowableProxy();
      if (thrown != null && "boom".equals(thrown.getMessage())) continue;
      errors.add(e.getLoggerName() + ": " + e.getFormattedMessage()
          + (thrown == null ? "" : " " + thrown.getClassName() + ": " + thrown.getMessage()));
    }
    return errors;
  }

  @Test
  void exceptionTurnedIntoAResponseByAMapperIsAnError() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/mapped"), "Request-Id", "rid-mapped");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("mapped");
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-mapped");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.tag("error")).isNotNull();
    if (seesExceptions()) {
      assertThat(span.tag("exception.type")).isEqualTo(TestResources.TeapotException.class.getName());
    }
  }

  @Test
  void serverErrorStatusIsAnErrorAndClientErrorIsNot() throws Exception {
    Service a = service("a");

    get(a.uri("/api/status/502"));
    get(a.uri("/api/status/409"));

    FinishedSpan e502 = awaitSpan(s -> "502".equals(s.tag("http.status_code")));
    FinishedSpan e409 = awaitSpan(s -> "409".equals(s.tag("http.status_code")));
    assertThat(e502.tag("error")).isEqualTo("502");
    assertThat(e409.tag("error")).isNull();
  }

  /**
   * The other side of the rule above, as OpenTelemetry's HTTP conventions have it: the caller
   * that got a 4xx did fail. Its CLIENT span and {@code divak_http_client_errors_total} agree on
   * every status, while the called server counts its 4xx as an answer.
   */
  @Test
  void clientCallAnswered4xxOr5xxIsAnErrorOnTheSpanAndInTheMetrics() throws Exception {
    Service b = service("b");
    Service a = service("a");
    a.callsTo(b.server.uri());
    String host = "127.0.0.1:" + b.server.uri().getPort();
    int[] statuses = {200, 204, 404, 409, 503};

    for (int status : statuses) {
      HttpResponse<String> response = get(a.uri("/api/call-status/" + status));
      assertThat(response.body()).as("what A's client got").isEqualTo(Integer.toString(status));
    }

    awaitSpans(3 * statuses.length); // each service counts a request before it reports its span
    String metrics = prometheus(a.divak);
    String calledMetrics = prometheus(b.divak);
    for (int status : statuses) {
      String code = Integer.toString(status);
      FinishedSpan client = awaitSpan(s -> s.kind() == Span.Kind.CLIENT && code.equals(s.tag("http.status_code")));
      String errors = "divak_http_client_errors_total{method=\"GET\",host=\"" + host + "\",status=\"" + code + "\"} 1";
      String serverErrors = "divak_http_server_errors_total{method=\"GET\",route=\"/api/status/{code}\",status=\"" + code + "\"}";
      assertThat(metrics).as("A's client calls").contains(
          "divak_http_client_requests_total{method=\"GET\",host=\"" + host + "\",status=\"" + code + "\"} 1");
      if (status >= 400) {
        assertThat(client.tag("error")).as("the CLIENT span of a %d", status).isEqualTo(code);
        assertThat(metrics).as("A's client errors").contains(errors);
      } else {
        assertThat(client.tag("error")).as("the CLIENT span of a %d", status).isNull();
        assertThat(metrics).as("A's client errors").doesNotContain(errors);
      }
      if (status >= 500) {
        assertThat(calledMetrics).as("B's server errors").contains(serverErrors + " 1");
      } else {
        assertThat(calledMetrics).as("B's server errors").doesNotContain(serverErrors);
      }
    }
    // The span and the metric of a call that got no response: see the test below.
  }

  @Test
  void logLinesInsideTheResourceCarryTheIdsAndTheWorkerMdcIsRestored() throws Exception {
    Service a = service(Divak.builder().serviceName("a").reporter(reporter).build(), 1);

    for (int i = 0; i < 3; i++) {
      get(a.uri("/api/hello"), "Request-Id", "rid-log-" + i);
      get(a.uri("/api/boom"), "Request-Id", "rid-boom-" + i);
      get(a.uri("/api/status/404"), "Request-Id", "rid-404-" + i);
    }

    List<FinishedSpan> spans = awaitSpans(9);
    List<ILoggingEvent> inside = logs.list.stream()
        .filter(e -> e.getLoggerName().equals("test.resource")).toList();
    assertThat(inside).hasSize(6);
    for (ILoggingEvent line : inside) {
      Map<String, String> mdc = line.getMDCPropertyMap();
      FinishedSpan span = spans.stream()
          .filter(s -> s.context().spanIdString().equals(mdc.get("spanId"))).findFirst().orElseThrow();
      assertThat(mdc.get("traceId")).isEqualTo(span.context().traceIdString());
      assertThat(mdc.get("requestId")).startsWith("rid-");
    }
    // One worker thread; each request found what the one before left: the probe's sentinel.
    List<MdcProbe.Snapshot> snapshots = a.probe.list();
    assertThat(snapshots).hasSize(9).extracting(MdcProbe.Snapshot::thread).containsOnly(snapshots.get(0).thread());
    for (int i = 1; i < snapshots.size(); i++) {
      assertThat(snapshots.get(i).mdc()).as("MDC at the start of request %d", i)
          .containsEntry("traceId", snapshots.get(i - 1).sentinel())
          .containsEntry("spanId", snapshots.get(i - 1).sentinel())
          .containsEntry("requestId", snapshots.get(i - 1).sentinel());
    }
  }

  @Test
  void resourceCodeSeesTheServerSpanAsCurrent() throws Exception {
    Service a = service("a");

    get(a.uri("/api/hello"));

    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(a.api.seen).singleElement().satisfies(seen -> {
      assertThat(seen.currentSpanId()).isEqualTo(span.context().spanIdString());
      assertThat(seen.mdcSpanId()).isEqualTo(span.context().spanIdString());
    });
  }

  @Test
  void accessLogLine() throws Exception {
    Service a = service("a");

    get(a.uri("/api/orders/7?x=1"), "User-Agent", "probe/1.0", "Request-Id", "rid-access");

    ILoggingEvent line = awaitAccessLine("rid-access");
    assertThat(line.getLevel()).hasToString("INFO");
    assertThat(line.getFormattedMessage())
        .matches("\\S+ \"GET /api/orders/7\\?x=1\" 200 \"probe/1\\.0\" \\d+\\.\\d{3} rid-access");
  }

  @Test
  void asyncResponseSpanCoversTheAsyncWork() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/async"), "Request-Id", "rid-async");

    assertThat(response.body()).isEqualTo("done");
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-async");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.name()).isEqualTo("GET /api/async");
    assertThat(span.tag("http.status_code")).isEqualTo("200");
    assertThat(span.durationMicros()).isGreaterThanOrEqualTo(TestResources.ASYNC_WORK_MILLIS * 1000);
    assertThat(awaitAccessLine("rid-async").getMDCPropertyMap()).containsEntry("requestId", "rid-async");
  }

  @Test
  void completionStageSpanCoversTheAsyncWork() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/stage"), "Request-Id", "rid-stage");

    assertThat(response.body()).isEqualTo("staged");
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-stage");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.name()).isEqualTo("GET /api/stage");
    assertThat(span.durationMicros()).isGreaterThanOrEqualTo(TestResources.ASYNC_WORK_MILLIS * 1000);
  }

  @Test
  void unsampledRequestPropagatesRelaysAndFillsTheMdcButRecordsNothing() throws Exception {
    Service b = service("b");
    Service a = service(Divak.builder().serviceName("a").reporter(reporter).sampler(Sampler.never()).build(), 2);
    a.callsTo(b.server.uri());

    HttpResponse<String> response = get(a.uri("/api/call"), "Request-Id", "rid-unsampled");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("rid-unsampled");
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-unsampled");
    Seen inA = a.api.seen.peek();
    Seen inB = b.api.seen.peek();
    assertThat(inA.mdcTraceId()).matches("[0-9a-f]{32}");
    assertThat(inA.mdcRequestId()).isEqualTo("rid-unsampled");
    assertThat(inB.mdcTraceId()).as("B joined A's trace").isEqualTo(inA.mdcTraceId());
    // The sentinel: each service writes its access line after it would have reported its span.
    Await.until("both access lines", () -> accessLines().stream()
        .filter(e -> e.getFormattedMessage().contains("rid-unsampled")).count() == 2);
    assertThat(reporter.spans()).as("B honours A's decision not to record").isEmpty();
  }

  @Test
  void clientCallThatGetsNoResponseIsRecordedAsAnError() throws Exception {
    Service a = service("a");
    Ports.Refusing nowhere = Ports.refusing();
    closeables.add(nowhere);
    a.callsTo(nowhere.uri());

    HttpResponse<String> response = get(a.uri("/api/call-nowhere"));

    assertThat(response.statusCode()).isEqualTo(502);
    FinishedSpan client = awaitSpan(s -> s.kind() == Span.Kind.CLIENT);
    FinishedSpan server = awaitSpan(s -> s.kind() == Span.Kind.SERVER);
    assertThat(client.context().parentIdString()).isEqualTo(server.context().spanIdString());
    assertThat(client.tag("error")).isNotNull();
    assertThat(client.tag("http.status_code")).isNull();
    if (seesClientFailures()) {
      assertThat(client.tag("exception.type")).isNotNull();
      assertThat(client.durationMicros()).isLessThanOrEqualTo(server.durationMicros());
    }
  }

  @Test
  void malformedTraceHeadersStartANewTrace() throws Exception {
    Service a = service("a");
    String[][] cases = {
        {"traceparent", "00-" + TRACE_ID + "-" + PARENT_ID}, // too short
        {"traceparent", "ff-" + TRACE_ID + "-" + PARENT_ID + "-01"},
        {"traceparent", "00-00000000000000000000000000000000-" + PARENT_ID + "-01"},
        {"traceparent", "00-" + TRACE_ID.toUpperCase() + "-zzzzzzzzzzzzzzzz-01"},
        {"traceparent", "00-" + "a".repeat(4000)},
        {"X-B3-TraceId", "not-hex-at-all"},
        {"X-B3-TraceId", TRACE_ID + "00"},
        {"b3", "garbage-garbage-garbage"},
        {"b3", "-".repeat(300)},
    };
    for (String[] header : cases) {
      HttpResponse<String> response = get(a.uri("/api/hello"), header);
      assertThat(response.statusCode()).as("%s: %s", header[0], header[1]).isEqualTo(200);
    }
    List<FinishedSpan> spans = awaitSpans(cases.length);
    assertThat(spans).allSatisfy(s -> {
      assertThat(s.context().traceIdString()).isNotEqualTo(TRACE_ID);
      assertThat(s.context().parentId()).isZero();
    });
  }

  @Test
  void hostileRequestIdNeverReachesAResponseHeaderOrALogLine() throws Exception {
    // Generated ids that begin like the hostile "café" below, so that the check must tell the
    // hostile value from a random id (one in 4096 of them begins with "caf").
    AtomicInteger generated = new AtomicInteger();
    Divak divak = Divak.builder().serviceName("a").reporter(reporter)
        .requestIdGenerator(() -> String.format("cafe%04x-0000-4000-8000-000000000000",
            generated.incrementAndGet()))
        .build();
    Service a = service(divak, 1); // one worker: the sentinel below is handled after the rest
    List<String> raw = List.of(
        "Request-Id: abc\rInjected: yes\r\n",          // a bare CR inside the value
        "Request-Id: abc\r\n Injected-Folded\r\n",       // an obsolete line folding
        "Request-Id: " + "x".repeat(5000) + "\r\n",     // oversized
        "Request-Id: caf\u00e9\u2028\u0000\r\n",         // non-ASCII, a line separator, NUL
        "Request-Id: \"quoted\" \\ back\u001b[31m\r\n",  // quotes, backslash, an escape sequence
        "traceparent: 00-" + TRACE_ID + "-" + PARENT_ID + "-01\rX: y\r\n");

    for (String header : raw) {
      String response = rawGet(a.server.uri(), "/api/hello", header);
      String statusLine = response.substring(0, response.indexOf("\r\n"));
      assertThat(statusLine).as(header).matches("HTTP/1\\.1 [1-4]\\d\\d .*");
      String head = response.substring(0, response.indexOf("\r\n\r\n"));
      assertThat(head).as(header).doesNotContain("xxxxxxxxxx").doesNotContain("quoted");
      for (String line : head.split("\r\n")) {
        assertThat(line).as("header line").matches("[\\x20-\\x7e]*");
        // The hostile "caf\u00e9..." as a container might relay it: whole, or with what it cannot
        // encode dropped or replaced. A generated id may begin with "caf" too, but then hex follows.
        String value = line.substring(line.indexOf(':') + 1).trim();
        assertThat(value).as("a relayed hostile value").doesNotMatch("(?s)caf([^0-9a-f].*)?");
        assertThat(line.toLowerCase()).as("an injected header").doesNotStartWith("injected")
            .doesNotStartWith("x:");
      }
    }
    // The sentinel: a well-formed request after the hostile ones; once its access line is
    // written, every line of the requests before it has been.
    rawGet(a.server.uri(), "/api/hello", "Request-Id: sentinel-after-hostile\r\n");
    awaitAccessLine("sentinel-after-hostile");
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      String message = event.getFormattedMessage();
      assertThat(message).as("log line").doesNotContain("\r").doesNotContain("\n").doesNotContain("\u001b")
          .doesNotContain("\u2028").doesNotContain("\u0000");
      for (String value : event.getMDCPropertyMap().values()) {
        assertThat(value).as("MDC value").matches("[\\x20-\\x7e]*");
      }
    }
  }

  /** Sends bytes no HTTP client library would, and reads the whole answer. */
  private static String rawGet(URI server, String path, String headerLines) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + headerLines + "\r\n";
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void concurrentRequestsKeepTheirOwnTraces() throws Exception {
    Service a = service(Divak.builder().serviceName("a").reporter(reporter).build(), 8);
    int n = 200;
    List<String> traceIds = new ArrayList<>();
    List<String> parentIds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      traceIds.add(String.format("%016x%016x", ThreadLocalRandom.current().nextLong() | 1, i + 1L));
      parentIds.add(String.format("%016x", (long) i + 0x1000));
    }
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String traceparent = "00-" + traceIds.get(i) + "-" + parentIds.get(i) + "-01";
        String path = i % 2 == 0 ? "/api/hello" : "/api/orders/" + i;
        int index = i;
        responses.add(callers.submit(() -> get(a.uri(path), "traceparent", traceparent,
            "Request-Id", "rid-" + index)));
      }
      for (int i = 0; i < n; i++) {
        HttpResponse<String> response = responses.get(i).get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-" + i);
      }
    } finally {
      callers.shutdownNow();
    }
    List<FinishedSpan> spans = awaitSpans(n);
    assertThat(spans).hasSize(n);
    Map<String, String> parentByTrace = spans.stream().collect(Collectors.toMap(
        s -> s.context().traceIdString(), s -> s.context().parentIdString()));
    for (int i = 0; i < n; i++) {
      assertThat(parentByTrace).containsEntry(traceIds.get(i), parentIds.get(i));
    }
    assertThat(a.api.seen).hasSize(n).allSatisfy(seen -> {
      assertThat(seen.mdcTraceId()).isEqualTo(seen.currentTraceId());
      assertThat(seen.mdcSpanId()).isEqualTo(seen.currentSpanId());
      assertThat(parentByTrace).containsKey(seen.mdcTraceId());
    });
  }

  // --- request semantics: filter order, routes, Request-Id, MDC, ids, errors, endpoints ---

  @Test
  void anAuthenticationFiltersAnswerHasTheRequestIdASpanAndAnAccessLine() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/hello"), "X-Deny", "1", "Request-Id", "rid-401");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-401");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.tag("http.status_code")).isEqualTo("401");
    assertThat(span.tag("error")).isNull();
    assertThat(span.tag("request.id")).isEqualTo("rid-401");
    assertThat(awaitAccessLine("rid-401").getFormattedMessage()).contains("\" 401 \"");
    assertThat(a.api.seen).isEmpty();
  }

  @Test
  void aResponseFilterThatChangesTheStatusIsSeenBySpanAccessLogAndMetrics() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/hello"), "X-Break", "1", "Request-Id", "rid-503");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-503");
    FinishedSpan span = awaitSpans(1).get(0);
    assertThat(span.tag("http.status_code")).isEqualTo("503");
    assertThat(span.tag("error")).isEqualTo("503");
    ILoggingEvent line = awaitAccessLine("rid-503");
    assertThat(line.getFormattedMessage()).contains("\" 503 \"");
    assertThat(line.getLevel()).hasToString("ERROR");
    assertThat(prometheus(a.divak))
        .contains("divak_http_server_requests_total{method=\"GET\",route=\"/api/hello\",status=\"503\"} 1")
        .doesNotContain("status=\"200\"");
  }

  @Test
  void aSubResourceIsNamedAfterTheWholeMatchedTemplate() throws Exception {
    Service a = service("a");

    assertThat(get(a.uri("/shelf/3")).body()).isEqualTo("slot 3");
    assertThat(get(a.uri("/shelf/4/items/x")).body()).isEqualTo("slot 4 item x");

    awaitSpans(2);
    FinishedSpan slot = awaitSpan(s -> "/shelf/3".equals(s.tag("http.path")));
    FinishedSpan item = awaitSpan(s -> "/shelf/4/items/x".equals(s.tag("http.path")));
    assertThat(slot.name()).isEqualTo("GET /shelf/{n}");
    assertThat(slot.tag("http.route")).isEqualTo("/shelf/{n}");
    assertThat(item.name()).isEqualTo("GET /shelf/{n}/items/{item}");
    assertThat(prometheus(a.divak))
        .contains("route=\"/shelf/{n}\",status=\"200\"} 1")
        .contains("route=\"/shelf/{n}/items/{item}\",status=\"200\"} 1")
        .doesNotContain("route=\"/\"");
  }

  @Test
  void anUnmappedCheckedExceptionGetsA500WithTheRequestId() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/io"), "Request-Id", "rid-io");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-io");
    FinishedSpan span = awaitSpan(named("GET /api/io"));
    assertThat(span.tag("http.status_code")).isEqualTo("500");
    assertThat(span.tag("exception.type")).isEqualTo(java.io.IOException.class.getName());
    assertThat(awaitAccessLine("rid-io").getLevel()).hasToString("ERROR");
  }

  @Test
  void aRequestIdSetByTheApplicationIsKept() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/own-request-id"), "Request-Id", "rid-incoming");

    assertThat(response.headers().allValues("Request-Id")).containsExactly("set-by-the-resource");
  }

  @Test
  void theMdcFollowsTheCurrentSpanIntoWrappedTasksAndOperationsAndIsRestored() throws Exception {
    Service a = service("a");

    get(a.uri("/api/wrapped"), "Request-Id", "rid-wrapped");

    FinishedSpan server = awaitSpan(s -> s.kind() == Span.Kind.SERVER);
    FinishedSpan child = awaitSpan(named("child-work"));
    Map<String, Map<String, String>> mdcByMessage = new java.util.HashMap<>();
    for (ILoggingEvent e : List.copyOf(logs.list)) {
      if (e.getLoggerName().equals("test.resource")) {
        mdcByMessage.put(e.getFormattedMessage().replaceAll(" [0-9a-f]{16}$", ""), e.getMDCPropertyMap());
      }
    }
    Map<String, String> serverIds = Map.of("traceId", server.context().traceIdString(),
        "spanId", server.context().spanIdString(), "requestId", "rid-wrapped");
    assertThat(mdcByMessage.get("before any request on this thread")).doesNotContainKeys("traceId", "spanId", "requestId");
    assertThat(mdcByMessage.get("in a wrapped task")).containsAllEntriesOf(serverIds);
    assertThat(mdcByMessage.get("after the wrapped task")).doesNotContainKeys("traceId", "spanId", "requestId");
    assertThat(mdcByMessage.get("in the child operation")).containsAllEntriesOf(Map.of(
        "traceId", server.context().traceIdString(), "spanId", child.context().spanIdString(),
        "requestId", "rid-wrapped"));
    assertThat(mdcByMessage.get("back in the request")).containsAllEntriesOf(serverIds);
  }

  @Test
  void theSingleB3HeaderIsReadByDefaultAndItsDecisionHonoured() throws Exception {
    Service b = service("b");
    Service a = service("a");
    a.callsTo(b.server.uri());

    get(a.uri("/api/hello"), "b3", TRACE_ID + "-" + PARENT_ID + "-1");
    get(a.uri("/api/call"), "b3", "0", "Request-Id", "rid-b3-0");

    FinishedSpan joined = awaitSpan(named("GET /api/hello"));
    assertThat(joined.context().traceIdString()).isEqualTo(TRACE_ID);
    assertThat(joined.context().parentIdString()).isEqualTo(PARENT_ID);
    awaitAccessLine("rid-b3-0");
    assertThat(b.api.seen).singleElement().satisfies(seen ->
        assertThat(seen.mdcRequestId()).isEqualTo("rid-b3-0"));
    flushAndAwaitSentinel(a);
    assertThat(reporter.spans()).as("b3: 0 is honoured here and downstream")
        .noneMatch(s -> "rid-b3-0".equals(s.tag("request.id")));
  }

  @Test
  void everyHopHasItsOwnSpanIdRecordingOrNot() throws Exception {
    Service a = service(Divak.builder().serviceName("a").reporter(reporter).sampler(Sampler.never()).build(), 2);

    get(a.uri("/api/hello"), "traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-00");
    get(a.uri("/api/hello"), "X-B3-TraceId", "463ac35c9f6413ad", "X-B3-SpanId", PARENT_ID,
        "X-B3-Sampled", "0");

    List<Seen> seen = List.copyOf(a.api.seen);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).mdcTraceId()).isEqualTo(TRACE_ID);
    assertThat(seen.get(0).mdcSpanId()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_ID);
    assertThat(seen.get(1).mdcTraceId()).as("a 64-bit trace id as it was sent, as in Zipkin")
        .isEqualTo("463ac35c9f6413ad");
    assertThat(seen.get(1).mdcSpanId()).isNotEqualTo(PARENT_ID);
  }

  @Test
  void aMappedClientErrorIsAnAnswerNotAFailure() throws Exception {
    Service a = service("a");

    HttpResponse<String> response = get(a.uri("/api/conflict"), "Request-Id", "rid-409");
    get(a.uri("/api/hello"));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Request-Id")).hasValue("rid-409");
    FinishedSpan span = awaitSpan(named("GET /api/conflict"));
    assertThat(span.tag("error")).isNull();
    assertThat(span.tag("exception.type")).isNull();
    awaitSpan(named("GET /api/hello"));
    assertThat(prometheus(a.divak))
        .contains("divak_http_server_requests_total{method=\"GET\",route=\"/api/conflict\",status=\"409\"} 1")
        .doesNotContain("divak_http_server_errors_total{");
  }

  @Test
  void theServerSpanOfAFailedRequestLiesWithinItsCallersClientSpan() throws Exception {
    Service b = service(Divak.builder().serviceName("b").reporter(reporter).build(), 1);
    Service a = service("a");
    a.callsTo(b.server.uri());

    assertThat(get(a.uri("/api/call-boom")).body()).isEqualTo("500");

    FinishedSpan client = awaitSpan(s -> s.kind() == Span.Kind.CLIENT);
    FinishedSpan server = awaitSpan(named("GET /api/boom"));
    // Durations, not timestamps: each tracer anchors its clock to the wall clock once, so two
    // tracers in one JVM may disagree by milliseconds on when a span started.
    assertThat(server.durationMicros()).isLessThanOrEqualTo(client.durationMicros());
  }

  @Test
  void theAccessLogHasTheClientAddress() throws Exception {
    Service a = service("a");

    get(a.uri("/api/hello"), "Request-Id", "rid-remote");

    assertThat(awaitAccessLine("rid-remote").getFormattedMessage()).startsWith("127.0.0.1 \"GET /api/hello\" 200 ");
  }

  @Test
  void untracedPathsAndTheMetricsPathAreCountedButNotTraced() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).build();
    Service a = new Service(divak, 2, new DivakFeature(divak).untraced("/api/hello").metricsAt("/metrics"));

    HttpResponse<String> hello = get(a.uri("/api/hello"), "Request-Id", "rid-untraced");
    HttpResponse<String> scrape = get(a.uri("/metrics"));
    get(a.uri("/api/orders/1"));

    assertThat(hello.headers().firstValue("Request-Id")).hasValue("rid-untraced");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(a.api.seen).filteredOn(s -> s.path().equals("hello")).singleElement()
        .satisfies(s -> assertThat(s.mdcRequestId()).isEqualTo("rid-untraced"));
    awaitSpan(named("GET /api/orders/{id}"));
    flushAndAwaitSentinel(a);
    assertThat(reporter.spans()).extracting(FinishedSpan::name)
        .doesNotContain("GET /api/hello", "GET /metrics");
    assertThat(prometheus(a.divak)).contains("route=\"/api/hello\",status=\"200\"} 1")
        .contains("route=\"/metrics\",status=\"200\"} 1");
  }

  @Test
  void aClientSpanNamesTheServiceItCalled() throws Exception {
    Service b = service("b");
    Service a = service("a");
    a.callsTo(b.server.uri());

    get(a.uri("/api/call"), "Request-Id", "rid-remote-endpoint");

    FinishedSpan client = awaitSpan(s -> s.kind() == Span.Kind.CLIENT);
    assertThat(client.remoteServiceName()).isEqualTo("127.0.0.1");
    assertThat(client.remoteIp()).isEqualTo("127.0.0.1");
    assertThat(client.remotePort()).isEqualTo(b.server.uri().getPort());
    assertThat(client.tag("http.host")).isEqualTo("127.0.0.1");
    assertThat(client.tag("http.url")).isEqualTo(b.server.uri().resolve("/api/hello").toString());
  }

  /**
   * An instrumented service calls one that reports nothing: Zipkin's dependency graph still has
   * the link, named after the remote service name of the client span.
   */
  @Test
  void zipkinsDependencyGraphHasTheUninstrumentedDownstream() throws Exception {
    try (ZipkinServer zipkin = ZipkinServer.start()) {
      ZipkinReporter toZipkin = ZipkinReporter.create(zipkin.baseUrl());
      Divak divak = Divak.builder().serviceName("frontend").reporter(toZipkin).build();
      Divak plain = Divak.builder().serviceName("unused").build();
      TestServer downstream = start(2, new Api(plain)); // no DivakFeature: reports nothing
      closeables.add(downstream);
      closeables.add(plain);
      Api api = new Api(divak);
      TestServer frontend = start(2, api, new DivakFeature(divak));
      closeables.add(frontend);
      closeables.add(divak);
      Client client = ClientBuilder.newClient()
          .register(new DivakFeature(divak).remoteServiceName("inventory"));
      closeables.add(client);
      api.client = client;
      api.downstream = downstream.uri();

      // 204: the downstream sends no Request-Id back, so /api/call answers with none.
      assertThat(get(frontend.uri().resolve("/api/call")).statusCode()).isEqualTo(204);
      toZipkin.flush();
      assertThat(toZipkin.spansReported()).isEqualTo(2);

      HttpResponse<String> links = get(URI.create(zipkin.baseUrl() + "/dependencies?endTs="
          + (System.currentTimeMillis() + 60_000) + "&lookback=3600000"));
      assertThat(links.body()).contains("\"parent\":\"frontend\"").contains("\"child\":\"inventory\"");
    }
  }

  /**
   * Flushes: a sentinel request's span, reported after every span before it on this service,
   * says that nothing earlier is still to come.
   */
  void flushAndAwaitSentinel(Service service) throws Exception {
    get(service.uri("/api/orders/424242"), "Request-Id", "rid-sentinel");
    awaitSpan(s -> "/api/orders/424242".equals(s.tag("http.path")));
    awaitAccessLine("rid-sentinel");
  }

  static String prometheus(Divak divak) throws IOException {
    StringBuilder out = new StringBuilder();
    divak.metrics().writePrometheus(out);
    return out.toString();
  }
}
