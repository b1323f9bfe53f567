package divak.report;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The OpenTelemetry SDK's view of a divak span: what the SDK would hold had it recorded the same
 * operation under the HTTP semantic conventions, and the bytes its own OTLP exporter writes.
 * The mapping is written out here again, from the README's table, so that the encoder is checked
 * against the documented contract and not against itself.
 */
final class SdkSpans {
  /** Zipkin tag to OpenTelemetry attribute, as documented. */
  static final Map<String, String> RENAMED = Map.of(
      "http.method", "http.request.method",
      "http.status_code", "http.response.status_code",
      "http.path", "url.path",
      "http.url", "url.full",
      "http.host", "server.address");

  /** What each tag of a test span was before it became a string. */
  enum Type { STRING, LONG, DOUBLE, BOOLEAN }

  static byte[] sdkRequest(Collection<SpanData> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TraceRequestMarshaler.create(spans).writeBinaryTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Resource resource(String serviceName) {
    return Resource.create(Attributes.builder()
        .put("service.name", serviceName)
        .put("telemetry.sdk.language", "java")
        .put("telemetry.sdk.name", "divak")
        .put("telemetry.sdk.version", OtlpProtobuf.SDK_VERSION)
        .build());
  }

  /** The SDK span for {@code span}, whose tags had the types in {@code types} (string if absent). */
  static SpanData of(divak.report.SpanData span, Map<String, Type> types) {
    divak.TraceContext c = span.context();
    TraceState traceState = TraceState.getDefault();
    if (c.traceState() != null) {
      io.opentelemetry.api.trace.TraceStateBuilder b = TraceState.builder();
      // The SDK's builder puts each member in front: add them last to first.
      String[] members = c.traceState().split(",");
      for (int i = members.length - 1; i >= 0; i--) {
        String member = members[i];
        int eq = member.indexOf('=');
        b.put(member.substring(0, eq), member.substring(eq + 1));
      }
      traceState = b.build();
    }
    TraceFlags flags = c.isSampled() ? TraceFlags.getSampled() : TraceFlags.getDefault();
    SpanContext context = SpanContext.create(traceId32(c), c.spanIdString(), flags, traceState);
    boolean remote = span.kind == divak.Span.Kind.SERVER || span.kind == divak.Span.Kind.CONSUMER;
    SpanContext parent = c.parentId() == 0 ? SpanContext.getInvalid()
        : remote ? SpanContext.createFromRemoteParent(traceId32(c), c.parentIdString(), flags,
            TraceState.getDefault())
        : SpanContext.create(traceId32(c), c.parentIdString(), flags, TraceState.getDefault());

    AttributesBuilder attributes = Attributes.builder();
    String errorTag = span.tag("error");
    for (int i = 0; i < span.tagCount(); i++) {
      String key = span.tagKey(i);
      String value = span.tagValue(i);
      if (key.equals("error")) continue;
      if (key.equals("exception.type") && span.error() != null) continue;
      String name = RENAMED.getOrDefault(key, key);
      switch (types.getOrDefault(key, Type.STRING)) {
        case LONG:
          attributes.put(AttributeKey.longKey(name), Long.parseLong(value));
          break;
        case DOUBLE:
          attributes.put(AttributeKey.doubleKey(name), Double.parseDouble(value));
          break;
        case BOOLEAN:
          attributes.put(AttributeKey.booleanKey(name), Boolean.parseBoolean(value));
          break;
        default:
          attributes.put(AttributeKey.stringKey(name), value);
          break;
      }
    }
    StatusData status = StatusData.unset();
    if (errorTag != null) {
      String errorType = span.error() != null ? span.error().getClass().getName()
          : errorTag.equals(span.tag("http.status_code")) ? errorTag
          : span.tag("exception.type") != null ? span.tag("exception.type")
          : "_OTHER";
      attributes.put("error.type", errorType);
      status = StatusData.create(StatusCode.ERROR, errorTag);
    }
    long start = span.timestamp * 1000;
    long end = (span.timestamp + span.duration) * 1000;
    List<EventData> events = new ArrayList<>();
    for (int i = 0; i < span.annotationCount(); i++) {
      events.add(EventData.create(
          span.annotationTimestamp(i) * 1000, span.annotationValue(i), Attributes.empty()));
    }
    Throwable error = span.error();
    if (error != null) {
      AttributesBuilder e = Attributes.builder().put("exception.type", error.getClass().getName());
      if (error.getMessage() != null) e.put("exception.message", error.getMessage());
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      e.put("exception.stacktrace", trace.toString());
      events.add(EventData.create(end, "exception", e.build()));
    }
    SpanKind kind = span.kind == null ? SpanKind.INTERNAL : SpanKind.valueOf(span.kind.name());
    return new Sdk(span.name == null ? "" : span.name, kind, context, parent, status, start, end,
        attributes.build(), List.copyOf(events),
        resource(span.serviceName == null ? "" : span.serviceName));
  }

  private record Sdk(String name, SpanKind kind, SpanContext context, SpanContext parent,
      StatusData status, long start, long end, Attributes attributes, List<EventData> events,
      Resource resource) implements SpanData {
    @Override public String getName() { return name; }
    @Override public SpanKind getKind() { return kind; }
    @Override public SpanContext getSpanContext() { return context; }
    @Override public SpanContext getParentSpanContext() { return parent; }
    @Override public StatusData getStatus() { return status; }
    @Override public long getStartEpochNanos() { return start; }
    @Override public Attributes getAttributes() { return attributes; }
    @Override public List<EventData> getEvents() { return events; }
    @Override public List<LinkData> getLinks() { return List.of(); }
    @Override public long getEndEpochNanos() { return end; }
    @Override public boolean hasEnded() { return true; }
    @Override public int getTotalRecordedEvents() { return events.size(); }
    @Override public int getTotalRecordedLinks() { return 0; }
    @Override public int getTotalAttributeCount() { return attributes.size(); }
    @Override public Resource getResource() { return resource; }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return InstrumentationScopeInfo.builder(OtlpProtobuf.SCOPE_NAME)
          .setVersion(OtlpProtobuf.SDK_VERSION).setSchemaUrl(OtlpProtobuf.SCHEMA_URL).build();
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
      return InstrumentationLibraryInfo.create(OtlpProtobuf.SCOPE_NAME, OtlpProtobuf.SDK_VERSION);
    }
  }

  private SdkSpans() {
  }

  /** OpenTelemetry takes 32 hex digits only; divak writes a 64-bit trace id as 16. */
  private static String traceId32(divak.TraceContext c) {
    String hex = c.traceIdString();
    return hex.length() == 32 ? hex : "0000000000000000" + hex;
  }
}
