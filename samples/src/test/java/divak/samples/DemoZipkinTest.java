package divak.samples;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Span;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import divak.testing.Await;
import divak.testing.ZipkinServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.bridge.SLF4JBridgeHandler;
import zipkin2.codec.SpanBytesDecoder;

/** The demo's traffic, as a real Zipkin server sees it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoZipkinTest {
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  ZipkinServer zipkin;
  InMemoryReporter local = Reporter.inMemory();
  List<DemoTraffic.Exchange> exchanges;
  List<FinishedSpan> recorded;

  @BeforeAll
  void runTheDemoAgainstZipkin() throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    zipkin = ZipkinServer.start();
    try (Divak frontend = tracer("frontend");
        Divak backend = tracer("backend");
        Services services = Services.start(frontend, backend)) {
      exchanges = DemoTraffic.send(services.frontendUri());
      awaitServerSpans(exchanges.size());
    } // closing the tracers flushes their Zipkin reporters
    recorded = local.spans();
  }

  @AfterAll
  void stopZipkin() {
    if (zipkin != null) zipkin.close();
  }

  private Divak tracer(String service) {
    return Divak.builder()
        .serviceName(service)
        .reporter(local)
        .reporter(ZipkinReporter.create(zipkin.baseUrl()))
        .build();
  }

  @Test
  void theDemoGetsTheAnswersItExpects() {
    assertThat(exchanges).extracting(DemoTraffic.Exchange::status).containsExactly(200, 200, 200, 500);
    assertThat(exchanges.get(1).requestId()).isEqualTo("demo-request-2");
    assertThat(exchanges).allSatisfy(e -> assertThat(e.requestId()).isNotBlank());
  }

  @Test
  void everyTraceSpansBothServicesWithTheRightParents() throws Exception {
    Set<String> traceIds = recorded.stream().map(s -> s.context().traceIdString())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(traceIds).hasSize(exchanges.size());

    for (String traceId : traceIds) {
      List<zipkin2.Span> trace = SpanBytesDecoder.JSON_V2.decodeList(get("/trace/" + traceId));
      assertThat(trace).as("trace %s in Zipkin", traceId)
          .hasSize((int) recorded.stream().filter(s -> s.context().traceIdString().equals(traceId)).count());
      Map<String, zipkin2.Span> byId = new HashMap<>();
      trace.forEach(s -> byId.put(s.id(), s));

      zipkin2.Span root = trace.stream().filter(s -> s.parentId() == null).findFirst().orElseThrow();
      assertThat(root.localServiceName()).isEqualTo("frontend");
      assertThat(root.kind()).isEqualTo(zipkin2.Span.Kind.SERVER);
      assertThat(root.tags()).containsKey("order.id");

      for (zipkin2.Span span : trace) {
        if (span == root) continue;
        zipkin2.Span parent = byId.get(span.parentId());
        assertThat(parent).as("parent of %s", span.name()).isNotNull();
        if (span.kind() == zipkin2.Span.Kind.CLIENT) {
          assertThat(parent.localServiceName()).isEqualTo("frontend");
          assertThat(span.name()).isIn("get");
        }
        if ("backend".equals(span.localServiceName()) && span.kind() == zipkin2.Span.Kind.SERVER) {
          assertThat(parent.kind()).isEqualTo(zipkin2.Span.Kind.CLIENT);
          assertThat(span.name()).isEqualTo("get /inventory/{sku}");
          assertThat(span.tags()).containsKey("sku");
        }
      }
      long backendServers = trace.stream().filter(s -> "backend".equals(s.localServiceName())
          && s.kind() == zipkin2.Span.Kind.SERVER).count();
      assertThat(backendServers).as("backend calls in trace %s", traceId).isPositive();
    }
  }

  @Test
  void theFanOutTraceHasOneClientAndOneBackendSpanPerItem() throws Exception {
    String traceId = traceIdOf("get /orders/{id}", "1");
    List<zipkin2.Span> trace = SpanBytesDecoder.JSON_V2.decodeList(get("/trace/" + traceId));

    assertThat(trace.stream().filter(s -> s.kind() == zipkin2.Span.Kind.CLIENT)).hasSize(3);
    assertThat(trace.stream().filter(s -> s.name().equals("get /inventory/{sku}"))).hasSize(3);
    assertThat(trace.stream().filter(s -> s.name().equals("stockservice.unitsof"))).hasSize(3);
    assertThat(trace.stream().filter(s -> s.name().equals("query-db")))
        .hasSize(3)
        .allSatisfy(s -> assertThat(s.tags()).containsEntry("query-db.rowcount", "1"));
    assertThat(trace.stream().filter(s -> s.name().equals("get /inventory/{sku}")).map(s -> s.tags().get("sku")))
        .containsExactlyInAnyOrder("sku-1-a", "sku-1-b", "sku-1-c");
  }

  @Test
  void theFailingCheckoutIsMarkedAsAnErrorOnBothSides() throws Exception {
    String traceId = traceIdOf("checkout", "4");
    List<zipkin2.Span> trace = SpanBytesDecoder.JSON_V2.decodeList(get("/trace/" + traceId));

    zipkin2.Span frontend = trace.stream().filter(s -> s.parentId() == null).findFirst().orElseThrow();
    assertThat(frontend.name()).isEqualTo("checkout");
    assertThat(frontend.tags()).containsEntry("http.status_code", "500").containsKey("error");
    zipkin2.Span backend = trace.stream()
        .filter(s -> "backend".equals(s.localServiceName()) && s.kind() == zipkin2.Span.Kind.SERVER)
        .findFirst().orElseThrow();
    assertThat(backend.tags()).containsEntry("http.status_code", "500").containsKey("error");
    zipkin2.Span service = trace.stream().filter(s -> s.name().equals("stockservice.unitsof"))
        .findFirst().orElseThrow();
    assertThat(service.tags()).containsEntry("exception.type", IllegalStateException.class.getName());
  }

  @Test
  void theDependencyGraphShowsFrontendCallingBackendWithTheDemosCounts() throws Exception {
    long calls = recorded.stream()
        .filter(s -> s.kind() == Span.Kind.CLIENT && s.localServiceName().equals("frontend")).count();
    long errors = recorded.stream()
        .filter(s -> s.kind() == Span.Kind.SERVER && s.localServiceName().equals("backend")
            && s.tag("error") != null).count();
    assertThat(calls).isEqualTo(8); // 3 + 3 items, 1 eta, 1 checkout
    assertThat(errors).isEqualTo(1);

    long endTs = System.currentTimeMillis() + 60_000;
    String json = new String(get("/dependencies?endTs=" + endTs + "&lookback=3600000"));
    Matcher link = Pattern.compile("\\{[^}]*\"parent\":\"frontend\",\"child\":\"backend\"[^}]*}").matcher(json);
    assertThat(link.find()).as("a frontend -> backend link in %s", json).isTrue();
    assertThat(number(link.group(), "callCount")).isEqualTo(calls);
    assertThat(number(link.group(), "errorCount")).isEqualTo(errors);
  }

  private String traceIdOf(String spanName, String orderId) {
    return recorded.stream()
        .filter(s -> s.kind() == Span.Kind.SERVER && s.localServiceName().equals("frontend"))
        .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(spanName))
        .filter(s -> orderId.equals(s.tag("order.id")))
        .findFirst().orElseThrow().context().traceIdString();
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private byte[] get(String path) throws Exception {
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(URI.create(zipkin.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }

  /** Server spans end after the response is sent: wait for one frontend server span per request. */
  private void awaitServerSpans(int expected) {
    Await.until(expected + " frontend server spans", () -> local.spans().stream()
        .filter(s -> s.kind() == Span.Kind.SERVER && s.localServiceName().equals("frontend"))
        .count() >= expected);
  }
}
