package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Span;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * divak exporting over OTLP/HTTP to a loopback receiver that decodes with the real protobuf
 * classes: what a backend sees, through an outage and recovery, and {@code close()} drains.
 */
class OtlpEndToEndTest {

  @Test
  void aTraceArrivesAsOtlpUnderTheHttpConventions() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      OtlpReporter reporter = OtlpReporter.builder(receiver.endpoint())
          .header("Authorization", "Bearer t0ken")
          .compression("gzip")
          .resourceAttribute("deployment.environment.name", "test")
          .build();
      Divak divak = Divak.builder().serviceName("orders").reporter(reporter).build();

      Span root = divak.startSpan("GET /orders/{id}", Span.Kind.SERVER, null);
      root.tag("http.method", "GET").tag("http.route", "/orders/{id}")
          .tag("http.path", "/orders/42").tag("http.status_code", 500).tag("error", "500")
          .tag("order.count", 3L).tag("order.paid", true).tag("order.total", 12.5)
          .tag("order.id", "A-42");
      Span call = divak.startSpan("GET", Span.Kind.CLIENT, root.context());
      call.tag("http.method", "GET").annotate("retrying");
      call.error(new IllegalStateException("stock service said \"no\""));
      call.finish();
      root.finish();
      divak.close();

      assertThat(reporter.spansReported()).isEqualTo(2);
      assertThat(receiver.malformed()).isZero();
      OtlpReceiver.Received first = receiver.received().get(0);
      assertThat(first.contentType()).isEqualTo("application/x-protobuf");
      assertThat(first.contentEncoding()).isEqualTo("gzip");
      assertThat(first.authorization()).isEqualTo("Bearer t0ken");

      var resource = OtlpProtobufPropertyTest.attributes(
          receiver.resourceSpans().get(0).getResource().getAttributesList());
      assertThat(resource.get("service.name").getStringValue()).isEqualTo("orders");
      assertThat(resource.get("telemetry.sdk.name").getStringValue()).isEqualTo("divak");
      assertThat(resource.get("telemetry.sdk.language").getStringValue()).isEqualTo("java");
      assertThat(resource.get("deployment.environment.name").getStringValue()).isEqualTo("test");

      Map<String, io.opentelemetry.proto.trace.v1.Span> byName = receiver.spans().stream()
          .collect(Collectors.toMap(s -> s.getName(), s -> s));
      var server = byName.get("GET /orders/{id}");
      assertThat(server.getKind())
          .isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER);
      var attributes = OtlpProtobufPropertyTest.attributes(server.getAttributesList());
      assertThat(attributes).containsEntry("http.request.method", string("GET"))
          .containsEntry("http.route", string("/orders/{id}"))
          .containsEntry("url.path", string("/orders/42"))
          .containsEntry("http.response.status_code", AnyValue.newBuilder().setIntValue(500).build())
          .containsEntry("error.type", string("500"))
          .containsEntry("order.count", AnyValue.newBuilder().setIntValue(3).build())
          .containsEntry("order.paid", AnyValue.newBuilder().setBoolValue(true).build())
          .containsEntry("order.total", AnyValue.newBuilder().setDoubleValue(12.5).build())
          .containsEntry("order.id", string("A-42"))
          .doesNotContainKeys("http.method", "http.status_code", "http.path", "error");
      assertThat(server.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
      assertThat(server.getTraceId().toByteArray()).hasSize(16);

      var client = byName.get("GET");
      assertThat(client.getKind())
          .isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
      assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(client.getStatus().getMessage()).isEqualTo("stock service said \"no\"");
      assertThat(client.getEventsList()).extracting(e -> e.getName())
          .containsExactly("retrying", "exception");
      var exception = OtlpProtobufPropertyTest.attributes(client.getEvents(1).getAttributesList());
      assertThat(exception.get("exception.type").getStringValue())
          .isEqualTo("java.lang.IllegalStateException");
      assertThat(exception.get("exception.message").getStringValue())
          .isEqualTo("stock service said \"no\"");
      assertThat(exception.get("exception.stacktrace").getStringValue())
          .startsWith("java.lang.IllegalStateException: stock service said \"no\"")
          .contains("at divak.report.OtlpEndToEndTest");
      assertThat(OtlpProtobufPropertyTest.attributes(client.getAttributesList()))
          .containsEntry("error.type", string("java.lang.IllegalStateException"))
          .doesNotContainKey("exception.type");
    }
  }

  @Test
  void throughAnOutageAndRecovery_closeDrainsEverythingQueued() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      OtlpReporter reporter = OtlpReporter.builder(receiver.endpoint())
          .messageTimeout(Duration.ofMinutes(10)) // only flush() and close() send
          .timeout(Duration.ofSeconds(5))
          .closeTimeout(Duration.ofSeconds(30))
          .build();
      Divak divak = Divak.builder().serviceName("orders").reporter(reporter).build();

      Set<String> before = report(divak, "before", 50);
      reporter.flush();
      assertThat(reporter.spansReported()).isEqualTo(50);

      receiver.stop();
      report(divak, "during", 30);
      reporter.flush();
      assertThat(reporter.spansFailed()).isEqualTo(30);
      assertThat(reporter.spansReported()).isEqualTo(50);

      receiver.restart();
      Set<String> after = report(divak, "after", 500);
      assertThat(reporter.queuedSpans()).isEqualTo(500); // none sent yet
      divak.close(); // closes the reporter, which must send all 500

      assertThat(reporter.spansReported()).isEqualTo(550);
      assertThat(reporter.spansDropped()).isZero();
      assertThat(reporter.spansReported() + reporter.spansFailed() + reporter.spansDropped())
          .isEqualTo(580);
      assertThat(reporter.queuedSpans()).isZero();
      Set<String> names = new HashSet<>();
      receiver.spans().forEach(s -> names.add(s.getName() + "/" + hex(s.getSpanId().toByteArray())));
      Set<String> expected = new HashSet<>(before);
      expected.addAll(after);
      assertThat(names).isEqualTo(expected);
      assertThat(receiver.malformed()).isZero();
    }
  }

  private static Set<String> report(Divak divak, String name, int count) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Span span = divak.startSpan(name, Span.Kind.SERVER, null);
      span.tag("i", i);
      span.finish();
      ids.add(name + "/" + span.context().spanIdString());
    }
    return ids;
  }

  private static String hex(byte[] id) {
    StringBuilder b = new StringBuilder();
    for (byte x : id) b.append(String.format("%02x", x));
    return b.toString();
  }

  private static AnyValue string(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

}
