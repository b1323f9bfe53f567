package divak.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.codec.SpanBytesEncoder;

/**
 * The sink counts what the peers' own encoders send it, over HTTP on loopback: zipkin2's JSON and
 * the OpenTelemetry SDK's OTLP marshaler (plain and gzip), spans of every kind, with attributes,
 * events and a status so that the OTLP walk skips every wire type a span holds.
 */
class SpanSinkTest {
  private final SpanSink sink = newSink();
  private final HttpClient http = HttpClient.newHttpClient();

  private static SpanSink newSink() {
    try {
      return new SpanSink();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void countsZipkinSpansByKind() throws Exception {
    List<Span> spans = List.of(zipkin("1", Span.Kind.SERVER), zipkin("2", Span.Kind.SERVER),
        zipkin("3", Span.Kind.CLIENT), zipkin("4", null));

    assertThat(post("a", "/api/v2/spans", SpanBytesEncoder.JSON_V2.encodeList(spans), false)).isEqualTo(202);

    assertThat(sink.counts("a")).isEqualTo(new SpanSink.Counts(2, 1, 1, 0, 0));
  }

  @Test
  void countsOtlpSpansByKindPlainAndGzipped() throws Exception {
    byte[] request = otlp(List.of(SpanKind.SERVER, SpanKind.SERVER, SpanKind.CLIENT,
        SpanKind.INTERNAL, SpanKind.PRODUCER));

    assertThat(post("a", "/v1/traces", request, false)).isEqualTo(200);
    assertThat(post("a", "/v1/traces", request, true)).isEqualTo(200);

    assertThat(sink.counts("a")).isEqualTo(new SpanSink.Counts(4, 2, 2, 2, 0));
  }

  @Test
  void countsWhatItCannotRead() throws Exception {
    post("a", "/api/v2/spans", "[{\"traceId\":".getBytes(), false);
    post("a", "/v1/traces", new byte[] {0x0a, 0x7f, 0x01}, false); // a length beyond the message

    assertThat(sink.counts("a")).isEqualTo(new SpanSink.Counts(0, 0, 0, 0, 2));
  }

  @Test
  void countsEachModeApart() throws Exception {
    byte[] two = SpanBytesEncoder.JSON_V2.encodeList(
        List.of(zipkin("1", Span.Kind.SERVER), zipkin("2", Span.Kind.CLIENT)));
    byte[] one = SpanBytesEncoder.JSON_V2.encodeList(List.of(zipkin("3", Span.Kind.SERVER)));

    post("divak-sampled", "/api/v2/spans", two, false);
    post("divak-sampled", "/api/v2/spans", two, false);
    post("untraced", "/api/v2/spans", one, false);

    assertThat(sink.counts("divak-sampled")).isEqualTo(new SpanSink.Counts(2, 2, 0, 0, 0));
    assertThat(sink.counts("untraced")).isEqualTo(new SpanSink.Counts(1, 0, 0, 0, 0));
    assertThat(sink.counts("otel-sampled")).isEqualTo(SpanSink.Counts.NONE);
    assertThat(post("divak-sampled", "/elsewhere", one, false)).isEqualTo(404);
  }

  private int post(String mode, String path, byte[] body, boolean gzip) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sink.url(mode) + path));
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body);
      }
      body = zipped.toByteArray();
      request.header("Content-Encoding", "gzip");
    }
    return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Span zipkin(String id, Span.Kind kind) {
    return Span.newBuilder().traceId("463ac35c9f6413ad48485a3953bb6124").id(id).kind(kind)
        .name("get /orders/{id}").timestamp(1_700_000_000_000_000L).duration(150)
        .localEndpoint(Endpoint.newBuilder().serviceName("orders").build())
        .putTag("http.route", "/orders/{id}").build();
  }

  /** An ExportTraceServiceRequest of spans of these kinds, by the SDK's own marshaler. */
  private static byte[] otlp(List<SpanKind> kinds) throws IOException {
    List<SpanData> finished = new ArrayList<>();
    SpanExporter collect = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(collect)).build()) {
      Tracer tracer = provider.get("test");
      for (SpanKind kind : kinds) {
        tracer.spanBuilder("GET /orders/{id}").setSpanKind(kind)
            .setAttribute(AttributeKey.stringKey("http.route"), "/orders/{id}")
            .setAttribute(AttributeKey.longKey("http.status_code"), 200L)
            .setAttribute(AttributeKey.doubleKey("ratio"), 0.5)
            .startSpan()
            .addEvent("written")
            .setStatus(StatusCode.ERROR, "failed")
            .end();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(finished).writeBinaryTo(out);
    return out.toByteArray();
  }
}
