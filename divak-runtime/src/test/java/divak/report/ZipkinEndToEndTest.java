package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Span;
import divak.testing.Await;
import divak.testing.ZipkinServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zipkin2.codec.SpanBytesDecoder;

/** A trace reported through {@link ZipkinReporter} to a real Zipkin server and read back. */
class ZipkinEndToEndTest {
  static ZipkinServer zipkin;

  @BeforeAll
  static void startZipkin() {
    zipkin = ZipkinServer.start();
  }

  @AfterAll
  static void stopZipkin() {
    if (zipkin != null) zipkin.close();
  }

  @Test
  void aTraceReadBackFromZipkinIsTheTraceReported() throws Exception {
    InMemoryReporter recorded = Reporter.inMemory();
    ZipkinReporter reporter = ZipkinReporter.create(zipkin.baseUrl());
    Divak divak = Divak.builder()
        .serviceName("Orders-E2E")
        .reporter(recorded)
        .reporter(reporter)
        .build();

    Span root = divak.startSpan("GET /orders/{id}", Span.Kind.SERVER, null);
    root.tag("http.method", "GET").tag("http.route", "/orders/{id}").tag("http.status_code", 500);
    Span query = divak.startSpan("query-db", null, root.context());
    query.tag("query-db.rowcount", 3L).annotate("rows read \"fast\"");
    query.finish();
    Span call = divak.startSpan("GET /stock", Span.Kind.CLIENT, root.context());
    call.error(new IllegalStateException("stock service said \"no\""));
    call.finish();
    root.finish();
    divak.close(); // closes the reporter, which sends everything

    assertThat(reporter.spansReported()).isEqualTo(3);
    String traceId = root.context().traceIdString();
    List<zipkin2.Span> stored = readTrace(traceId, 3);

    Map<String, zipkin2.Span> expected = recorded.spans().stream()
        .map(Zipkin2Spans::expected)
        .collect(Collectors.toMap(zipkin2.Span::id, Function.identity()));
    Map<String, zipkin2.Span> actual = stored.stream()
        .collect(Collectors.toMap(zipkin2.Span::id, Function.identity()));
    assertThat(actual).isEqualTo(expected);

    // The same, field by field, for what the issue names.
    zipkin2.Span storedRoot = actual.get(root.context().spanIdString());
    zipkin2.Span storedQuery = actual.get(query.context().spanIdString());
    zipkin2.Span storedCall = actual.get(call.context().spanIdString());
    assertThat(storedRoot.traceId()).isEqualTo(traceId).hasSize(32);
    assertThat(storedRoot.parentId()).isNull();
    assertThat(storedQuery.parentId()).isEqualTo(root.context().spanIdString());
    assertThat(storedCall.parentId()).isEqualTo(root.context().spanIdString());
    assertThat(storedRoot.name()).isEqualTo("get /orders/{id}"); // Zipkin lower-cases names
    assertThat(storedRoot.localServiceName()).isEqualTo("orders-e2e");
    assertThat(storedRoot.kind()).isEqualTo(zipkin2.Span.Kind.SERVER);
    assertThat(storedQuery.kind()).isNull();
    assertThat(storedCall.kind()).isEqualTo(zipkin2.Span.Kind.CLIENT);
    assertThat(storedRoot.tags()).containsEntry("http.status_code", "500");
    assertThat(storedQuery.tags()).containsEntry("query-db.rowcount", "3");
    assertThat(storedQuery.annotations()).hasSize(1);
    assertThat(storedQuery.annotations().get(0).value()).isEqualTo("rows read \"fast\"");
    assertThat(storedCall.tags())
        .containsEntry("error", "stock service said \"no\"")
        .containsEntry("exception.type", "java.lang.IllegalStateException");
    for (FinishedSpan span : recorded.spans()) {
      zipkin2.Span s = actual.get(span.context().spanIdString());
      assertThat(s.timestampAsLong()).isEqualTo(span.startTimestamp());
      assertThat(s.durationAsLong()).isEqualTo(span.durationMicros());
    }
  }

  /** {@code GET /api/v2/trace/{traceId}} until it holds {@code count} spans. */
  static List<zipkin2.Span> readTrace(String traceId, int count) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(zipkin.baseUrl() + "/trace/" + traceId))
        .timeout(Duration.ofSeconds(10))
        .build();
    @SuppressWarnings("unchecked")
    List<zipkin2.Span>[] spans = new List[] {List.of()};
    // Zipkin stores what it accepted asynchronously: wait for it.
    Await.until("Zipkin has the " + count + " spans of trace " + traceId, () -> {
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) return false;
        spans[0] = SpanBytesDecoder.JSON_V2.decodeList(response.body());
        return spans[0].size() >= count;
      } catch (java.io.IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    return spans[0];
  }
}
