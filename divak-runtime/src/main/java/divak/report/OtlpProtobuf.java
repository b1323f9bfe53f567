package divak.report;

// Long because the OTLP messages are written field by field by hand (no protobuf-java); the field
// numbers read best in one file beside the schema they follow.

import divak.Span;
import divak.TraceContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes OTLP/protobuf ({@code opentelemetry/proto/collector/trace/v1}): one span as it is queued,
 * and a batch of queued spans as the body of {@code POST /v1/traces}.
 *
 * <p>A queued span is the span's service name (a varint length and UTF-8) followed by the span as
 * field 2 of {@code ScopeSpans}, ready to be copied into a request. A request holds one {@code
 * ResourceSpans} per service name, in the order the batch first names them, each with the
 * resource attributes ({@code service.name}, {@code telemetry.sdk.*} and the configured ones) and
 * one {@code ScopeSpans} of scope {@code divak}.
 *
 * <p>Tags become attributes under the OpenTelemetry HTTP semantic conventions ({@link
 * SemanticConventions}), typed; the {@code error} tag becomes status ERROR with that message; an
 * error the span carries becomes an {@code exception} event with {@code exception.type}, {@code
 * exception.message} and {@code exception.stacktrace}; annotations become events.
 */
public final class OtlpProtobuf {
  static final String SCOPE_NAME = "divak";
  static final String SDK_VERSION = version();
  static final String SCHEMA_URL = "https://opentelemetry.io/schemas/1.27.0";
  private static final byte[] DEFAULT_RESOURCE = resourceAttributes(Map.of());

  private static final ThreadLocal<ProtoWriter> WRITER =
      ThreadLocal.withInitial(() -> new ProtoWriter(1024));

  private OtlpProtobuf() {
  }

  private static String version() {
    String v = OtlpProtobuf.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0";
  }

  /**
   * The body of {@code POST /v1/traces} for {@code spans}, with the default resource attributes:
   * what {@link OtlpReporter} sends for them (each span encoded as it is reported, then the batch
   * as it is posted). For tools and benchmarks; a reporter is the way to send spans.
   */
  public static byte[] encodeRequest(List<? extends FinishedSpan> spans) {
    if (spans.size() == 1) return request(List.of(encodeQueued(spans.get(0))), DEFAULT_RESOURCE);
    List<byte[]> queued = new ArrayList<>(spans.size());
    for (FinishedSpan span : spans) queued.add(encodeQueued(span));
    return request(queued, DEFAULT_RESOURCE);
  }

  /** The span as it is queued: its service name, then the span as field 2 of ScopeSpans. */
  static byte[] encodeQueued(FinishedSpan span) {
    ProtoWriter w = WRITER.get();
    w.reset();
    String service = span.localServiceName();
    int start = w.begin();
    w.utf8(service != null ? service : "");
    w.end(start);
    w.tag(2, ProtoWriter.LEN);
    start = w.begin();
    writeSpan(w, span);
    w.end(start);
    byte[] out = w.toByteArray();
    if (w.buf.length > 64 * 1024) WRITER.remove(); // do not keep a huge buffer per thread
    return out;
  }

  /** The span alone, as an OTLP {@code Span} message (for tests and benchmarks). */
  static byte[] encodeSpan(FinishedSpan span) {
    ProtoWriter w = new ProtoWriter(512);
    writeSpan(w, span);
    return w.toByteArray();
  }

  static void writeSpan(ProtoWriter w, FinishedSpan span) {
    TraceContext context = span.context();
    w.idBytes(1, context.traceIdHigh(), context.traceId());
    w.idBytes(2, context.spanId());
    String traceState = context.traceState();
    if (traceState != null && !traceState.isEmpty()) w.string(3, traceState);
    if (context.parentId() != 0) w.idBytes(4, context.parentId());
    String name = span.name();
    if (name != null && !name.isEmpty()) w.string(5, name);
    w.tag(6, ProtoWriter.VARINT);
    w.varint(kind(span.kind()));
    long startNanos = span.startTimestamp() * 1000;
    long endNanos = (span.startTimestamp() + span.durationMicros()) * 1000;
    w.tag(7, ProtoWriter.FIXED64);
    w.fixed64(startNanos);
    w.tag(8, ProtoWriter.FIXED64);
    w.fixed64(endNanos);

    Throwable error = span.error();
    String errorTag = null;
    String exceptionType = null;
    String statusCode = null;
    for (int i = 0, n = span.tagCount(); i < n; i++) {
      String key = span.tagKey(i);
      String value = span.tagValue(i);
      if (key == null || value == null) continue;
      switch (key) {
        case SemanticConventions.ERROR:
          errorTag = value;
          continue;
        case SemanticConventions.EXCEPTION_TYPE:
          exceptionType = value;
          if (error != null) continue; // written on the exception event
          break;
        case SemanticConventions.STATUS_CODE:
          statusCode = value;
          break;
        default:
          break;
      }
      String attribute = SemanticConventions.attributeKey(key);
      attribute(w, 9, attribute, value, SemanticConventions.type(attribute, value));
    }
    boolean failed = errorTag != null || error != null;
    if (failed) {
      String errorType;
      if (error != null) {
        errorType = error.getClass().getName();
      } else if (exceptionType != null) {
        errorType = exceptionType;
      } else if (statusCode != null && errorTag.equals(statusCode)) {
        errorType = statusCode; // the conventions' error.type for a failing status
      } else {
        errorType = "_OTHER";
      }
      attribute(w, 9, "error.type", errorType, SemanticConventions.STRING);
    }

    for (int i = 0, n = span.annotationCount(); i < n; i++) {
      String value = span.annotationValue(i);
      if (value == null) continue;
      w.tag(11, ProtoWriter.LEN);
      int event = w.begin();
      w.tag(1, ProtoWriter.FIXED64);
      w.fixed64(span.annotationTimestamp(i) * 1000);
      w.string(2, value);
      w.end(event);
    }
    if (error != null) {
      w.tag(11, ProtoWriter.LEN);
      int event = w.begin();
      w.tag(1, ProtoWriter.FIXED64);
      w.fixed64(endNanos);
      w.string(2, "exception");
      attribute(w, 3, "exception.type", error.getClass().getName(), SemanticConventions.STRING);
      String message = error.getMessage();
      if (message != null) {
        attribute(w, 3, "exception.message", message, SemanticConventions.STRING);
      }
      attribute(w, 3, "exception.stacktrace", stackTrace(error), SemanticConventions.STRING);
      w.end(event);
    }
    w.tag(15, ProtoWriter.LEN);
    int status = w.begin();
    if (failed) {
      String message = errorTag != null ? errorTag : error.getClass().getSimpleName();
      if (!message.isEmpty()) w.string(2, message);
      w.tag(3, ProtoWriter.VARINT);
      w.varint(2); // STATUS_CODE_ERROR
    }
    w.end(status);
    // Trace flags in the low byte, then "whether the parent is remote is known" (0x100) and "it
    // is" (0x200), as the SDK writes them. In divak a SERVER or CONSUMER span with a parent is the
    // one started from extracted headers; every other parent is a span of this process.
    Span.Kind kind = span.kind();
    boolean remoteParent = context.parentId() != 0
        && (kind == Span.Kind.SERVER || kind == Span.Kind.CONSUMER);
    w.tag(16, ProtoWriter.FIXED32);
    w.fixed32((context.isSampled() ? 1 : 0) | 0x100 | (remoteParent ? 0x200 : 0));
  }

  static int kind(Span.Kind kind) {
    if (kind == null) return 1; // SPAN_KIND_INTERNAL
    switch (kind) {
      case SERVER:
        return 2;
      case CLIENT:
        return 3;
      case PRODUCER:
        return 4;
      case CONSUMER:
        return 5;
      default:
        return 1;
    }
  }

  /** A KeyValue as field {@code field} of the enclosing message. */
  static void attribute(ProtoWriter w, int field, String key, String value, int type) {
    w.tag(field, ProtoWriter.LEN);
    int kv = w.begin();
    w.string(1, key);
    w.tag(2, ProtoWriter.LEN);
    int any = w.begin();
    switch (type) {
      case SemanticConventions.INT:
        w.tag(3, ProtoWriter.VARINT);
        w.varint(Long.parseLong(value));
        break;
      case SemanticConventions.DOUBLE:
        w.tag(4, ProtoWriter.FIXED64);
        w.fixed64(Double.doubleToRawLongBits(Double.parseDouble(value)));
        break;
      case SemanticConventions.BOOL:
        w.tag(2, ProtoWriter.VARINT);
        w.varint(value.equals("true") ? 1 : 0);
        break;
      default:
        w.string(1, value);
        break;
    }
    w.end(any);
    w.end(kv);
  }

  static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter(1024);
    try (PrintWriter printer = new PrintWriter(out)) {
      error.printStackTrace(printer);
    }
    return out.toString();
  }

  /**
   * The resource attributes other than {@code service.name}, encoded once per reporter as
   * repeated {@code KeyValue} fields of {@code Resource}.
   */
  static byte[] resourceAttributes(Map<String, String> attributes) {
    ProtoWriter w = new ProtoWriter(256);
    attribute(w, 1, "telemetry.sdk.language", "java", SemanticConventions.STRING);
    attribute(w, 1, "telemetry.sdk.name", "divak", SemanticConventions.STRING);
    attribute(w, 1, "telemetry.sdk.version", SDK_VERSION, SemanticConventions.STRING);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String key = e.getKey();
      if (key.equals("service.name") || key.startsWith("telemetry.sdk.")) continue;
      attribute(w, 1, key, e.getValue(), SemanticConventions.STRING);
    }
    return w.toByteArray();
  }

  /** The body of {@code POST /v1/traces} for spans queued by {@link #encodeQueued}. */
  static byte[] request(List<byte[]> queued, byte[] resourceAttributes) {
    // Written for speed: the sender thread reuses its writer, and a batch of one service (the
    // usual case) is written without grouping lists.
    if (queued.isEmpty()) return new byte[0]; // an empty request
    ProtoWriter w = REQUEST_WRITER.get();
    w.reset();
    byte[] first = queued.get(0);
    boolean oneService = true;
    for (int i = 1, n = queued.size(); i < n && oneService; i++) {
      oneService = sameService(first, queued.get(i));
    }
    if (oneService) {
      resourceSpans(w, queued, resourceAttributes);
    } else {
      List<byte[]> services = new ArrayList<>(2);
      List<List<byte[]>> groups = new ArrayList<>(2);
      for (byte[] span : queued) {
        int i = 0;
        while (i < services.size() && !sameService(services.get(i), span)) i++;
        if (i == services.size()) {
          services.add(span);
          groups.add(new ArrayList<>());
        }
        groups.get(i).add(span);
      }
      for (List<byte[]> group : groups) resourceSpans(w, group, resourceAttributes);
    }
    byte[] out = w.toByteArray();
    if (w.buf.length > 1024 * 1024) REQUEST_WRITER.remove();
    return out;
  }

  private static final ThreadLocal<ProtoWriter> REQUEST_WRITER =
      ThreadLocal.withInitial(() -> new ProtoWriter(4096));

  // One ResourceSpans for spans queued with the same service name.
  private static void resourceSpans(ProtoWriter w, List<byte[]> spans, byte[] resourceAttributes) {
    byte[] first = spans.get(0);
    int nameLength = readVarint(first, 0);
    int nameStart = ProtoWriter.varintSize(nameLength);
    w.tag(1, ProtoWriter.LEN); // ExportTraceServiceRequest.resource_spans
    int resourceSpans = w.begin();
    w.tag(1, ProtoWriter.LEN); // ResourceSpans.resource
    int resource = w.begin();
    w.tag(1, ProtoWriter.LEN); // Resource.attributes: service.name
    int kv = w.begin();
    w.string(1, "service.name");
    w.tag(2, ProtoWriter.LEN);
    int any = w.begin();
    w.tag(1, ProtoWriter.LEN);
    w.varint(nameLength);
    w.rawRange(first, nameStart, nameLength);
    w.end(any);
    w.end(kv);
    w.raw(resourceAttributes);
    w.end(resource);
    w.tag(2, ProtoWriter.LEN); // ResourceSpans.scope_spans
    int scopeSpans = w.begin();
    w.raw(SCOPE);
    int skip = nameStart + nameLength;
    for (int i = 0, n = spans.size(); i < n; i++) {
      byte[] span = spans.get(i);
      w.rawRange(span, skip, span.length - skip);
    }
    w.string(3, SCHEMA_URL);
    w.end(scopeSpans);
    w.end(resourceSpans);
  }

  /** ScopeSpans.scope: the name and version of divak. */
  private static final byte[] SCOPE = scope();

  private static byte[] scope() {
    ProtoWriter w = new ProtoWriter(64);
    w.tag(1, ProtoWriter.LEN);
    int scope = w.begin();
    w.string(1, SCOPE_NAME);
    w.string(2, SDK_VERSION);
    w.end(scope);
    return w.toByteArray();
  }

  private static boolean sameService(byte[] a, byte[] b) {
    int length = readVarint(a, 0);
    if (readVarint(b, 0) != length) return false;
    int end = ProtoWriter.varintSize(length) + length;
    return Arrays.equals(a, 0, end, b, 0, end);
  }

  static int readVarint(byte[] b, int pos) {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      byte x = b[pos++];
      value |= (x & 0x7F) << shift;
      if (x >= 0) return value;
    }
    return value;
  }

  /** The service name a queued span was encoded with. */
  static String serviceName(byte[] queued) {
    int length = readVarint(queued, 0);
    return new String(queued, ProtoWriter.varintSize(length), length, StandardCharsets.UTF_8);
  }
}
