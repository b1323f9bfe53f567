package divak.report;

// Long because the Zipkin v2 JSON encoder, written in one pass for speed (escaping, ids,
// endpoints); its parts only make sense together.

import divak.Span;
import divak.TraceContext;
import divak.internal.Hex;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes finished spans as Zipkin v2 JSON, the body of {@code POST /api/v2/spans}.
 *
 * <pre>{@code
 * byte[] one = ZipkinJson.encode(span);          // {"traceId":"...","id":"...",...}
 * byte[] body = ZipkinJson.encodeList(spans);    // [{...},{...}]
 * }</pre>
 *
 * <p>Fields are written in zipkin2's order: {@code traceId} (32 hex digits, or 16 when the upper
 * 64 bits are zero), {@code parentId} (absent for a root), {@code id}, {@code kind} (absent for a
 * local span), {@code name}, {@code timestamp} and {@code duration} in microseconds, {@code
 * localEndpoint.serviceName}, {@code remoteEndpoint} ({@code serviceName}, {@code ipv4} or {@code
 * ipv6}, {@code port}; set on CLIENT spans), {@code annotations}, {@code tags} and {@code debug}. As zipkin2
 * does, empty fields are left out: no null or empty name, no zero timestamp or duration, no
 * endpoint without a service name, no empty list or object. Tags and annotations are written in
 * the span's order. Names are written as given; Zipkin lower-cases span and service names when
 * it stores them.
 *
 * <p>Every string is escaped as JSON requires and written as UTF-8; a lone surrogate, which has no
 * UTF-8 form, is written as U+FFFD, so the output is always valid.
 *
 * <p>The runtime writes its own JSON to stay free of dependencies (see RATIONALE.md). A span that
 * surely fits a per-thread buffer is written into it and copied out; a larger one is sized
 * first, then written into an array of exactly that size.
 */
public final class ZipkinJson {
  // Field prefixes, each with the comma that separates it from the field before it.
  private static final byte[] TRACE_ID = ascii("{\"traceId\":\"");
  private static final byte[] PARENT_ID = ascii("\",\"parentId\":\"");
  private static final byte[] ID = ascii("\",\"id\":\"");
  private static final byte[] KIND = ascii(",\"kind\":\"");
  private static final byte[] NAME = ascii(",\"name\":\"");
  private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
  private static final byte[] DURATION = ascii(",\"duration\":");
  private static final byte[] LOCAL_ENDPOINT = ascii(",\"localEndpoint\":{\"serviceName\":\"");
  private static final byte[] REMOTE_ENDPOINT = ascii(",\"remoteEndpoint\":{");
  private static final byte[] SERVICE_NAME = ascii("\"serviceName\":\"");
  private static final byte[] IPV4 = ascii("\"ipv4\":\"");
  private static final byte[] IPV6 = ascii("\"ipv6\":\"");
  private static final byte[] PORT = ascii("\"port\":");
  private static final byte[] ANNOTATIONS = ascii(",\"annotations\":[");
  private static final byte[] ANNOTATION_TIMESTAMP = ascii("{\"timestamp\":");
  private static final byte[] ANNOTATION_VALUE = ascii(",\"value\":\"");
  private static final byte[] TAGS = ascii(",\"tags\":{");
  private static final byte[] DEBUG = ascii(",\"debug\":true");
  private static final int MAX_KIND_LENGTH = maxKindLength();

  /** Room for the JSON of a typical span several times over; a larger one is sized exactly. */
  static final int BUFFER_LENGTH = 4096;

  private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

  /** This thread's buffer; null while a call on this thread is using it. */
  private static final class Buffer {
    byte[] bytes = new byte[BUFFER_LENGTH];
  }

  private static int maxKindLength() {
    int max = 0;
    for (Span.Kind kind : Span.Kind.values()) max = Math.max(max, kind.name().length());
    return max;
  }

  /** The span as one JSON object, UTF-8. */
  public static byte[] encode(FinishedSpan span) {
    // Written for speed: a span that surely fits this thread's buffer is written once into it and
    // copied out, instead of first being sized character by character; that halves the work for
    // the common span. Larger spans, and a nested call, take the exact two-pass path below.
    Buffer buffer = BUFFER.get();
    byte[] scratch = buffer.bytes;
    if (scratch != null && maxSizeInBytes(span) <= scratch.length) {
      buffer.bytes = null;
      try {
        return Arrays.copyOf(scratch, write(span, scratch, 0));
      } finally {
        buffer.bytes = scratch;
      }
    }
    byte[] out = new byte[sizeInBytes(span)];
    int end = write(span, out, 0);
    if (end != out.length) {
      // Only possible if the span changed between sizing and writing, which a finished span
      // does not.
      throw new IllegalStateException("span changed while it was encoded: " + span);
    }
    return out;
  }

  /**
   * At least the number of bytes {@link #encode} returns for {@code span}, from string lengths
   * alone: every field present, every number at its longest, every character at its longest
   * escape (6 bytes, {@code \}{@code u00XX}; UTF-8 takes at most 3 per char).
   */
  static long maxSizeInBytes(FinishedSpan span) {
    long size = TRACE_ID.length + 32 + PARENT_ID.length + 16 + ID.length + 16 + 1
        + KIND.length + MAX_KIND_LENGTH + 1 + NAME.length + 1 + TIMESTAMP.length + 20
        + DURATION.length + 20 + LOCAL_ENDPOINT.length + 2 + ANNOTATIONS.length + 1 + TAGS.length
        + 1 + DEBUG.length + 1;
    size += maxEscapedSize(span.name()) + maxEscapedSize(span.localServiceName());
    size += REMOTE_ENDPOINT.length + SERVICE_NAME.length + IPV6.length + PORT.length + 10
        + maxEscapedSize(span.remoteServiceName()) + maxEscapedSize(span.remoteIp());
    for (int i = 0, n = span.annotationCount(); i < n; i++) {
      size += 1 + ANNOTATION_TIMESTAMP.length + 20 + ANNOTATION_VALUE.length + 2
          + maxEscapedSize(span.annotationValue(i));
    }
    for (int i = 0, n = span.tagCount(); i < n; i++) {
      size += 1 + 5 + maxEscapedSize(span.tagKey(i)) + maxEscapedSize(span.tagValue(i));
    }
    return size;
  }

  private static long maxEscapedSize(String s) {
    return s == null ? 0 : 6L * s.length();
  }

  /** The number of bytes {@link #encode} returns for {@code span}. */
  public static int sizeInBytes(FinishedSpan span) {
    TraceContext context = span.context();
    int size = TRACE_ID.length + (context.traceIdHigh() != 0 ? 32 : 16);
    if (context.parentId() != 0) size += PARENT_ID.length + 16;
    size += ID.length + 16 + 1; // the closing quote of the id
    Span.Kind kind = span.kind();
    if (kind != null) size += KIND.length + kind.name().length() + 1;
    String name = span.name();
    if (name != null && !name.isEmpty()) size += NAME.length + JsonBytes.escapedSize(name) + 1;
    long timestamp = span.startTimestamp();
    if (timestamp > 0) size += TIMESTAMP.length + JsonBytes.longSize(timestamp);
    long duration = span.durationMicros();
    if (duration > 0) size += DURATION.length + JsonBytes.longSize(duration);
    String serviceName = span.localServiceName();
    if (serviceName != null && !serviceName.isEmpty()) {
      size += LOCAL_ENDPOINT.length + JsonBytes.escapedSize(serviceName) + 2; // "}
    }
    size += remoteEndpointSize(span);
    int written = 0;
    for (int i = 0, n = span.annotationCount(); i < n; i++) {
      String value = span.annotationValue(i);
      if (value == null) continue;
      if (written++ > 0) size++; // ,
      size += ANNOTATION_TIMESTAMP.length + JsonBytes.longSize(span.annotationTimestamp(i))
          + ANNOTATION_VALUE.length + JsonBytes.escapedSize(value) + 2; // "}
    }
    if (written > 0) size += ANNOTATIONS.length + 1; // ]
    written = 0;
    for (int i = 0, n = span.tagCount(); i < n; i++) {
      String key = span.tagKey(i);
      String value = span.tagValue(i);
      if (key == null || value == null) continue;
      if (written++ > 0) size++; // ,
      size += JsonBytes.escapedSize(key) + JsonBytes.escapedSize(value) + 5; // "k":"v"
    }
    if (written > 0) size += TAGS.length + 1; // }
    if (context.debug()) size += DEBUG.length;
    return size + 1; // }
  }

  /**
   * Writes the span at {@code pos} and returns the position after it. {@code out} must have room
   * for {@link #sizeInBytes} bytes from {@code pos}; for writing into a reused buffer.
   */
  public static int write(FinishedSpan span, byte[] out, int pos) {
    TraceContext context = span.context();
    pos = JsonBytes.write(TRACE_ID, out, pos);
    if (context.traceIdHigh() != 0) {
      Hex.write(context.traceIdHigh(), out, pos);
      pos += 16;
    }
    Hex.write(context.traceId(), out, pos);
    pos += 16;
    if (context.parentId() != 0) {
      pos = JsonBytes.write(PARENT_ID, out, pos);
      Hex.write(context.parentId(), out, pos);
      pos += 16;
    }
    pos = JsonBytes.write(ID, out, pos);
    Hex.write(context.spanId(), out, pos);
    pos += 16;
    out[pos++] = '"';
    Span.Kind kind = span.kind();
    if (kind != null) {
      pos = JsonBytes.write(KIND, out, pos);
      pos = JsonBytes.writeAscii(kind.name(), out, pos);
      out[pos++] = '"';
    }
    String name = span.name();
    if (name != null && !name.isEmpty()) {
      pos = JsonBytes.write(NAME, out, pos);
      pos = JsonBytes.writeEscaped(name, out, pos);
      out[pos++] = '"';
    }
    long timestamp = span.startTimestamp();
    if (timestamp > 0) {
      pos = JsonBytes.write(TIMESTAMP, out, pos);
      pos = JsonBytes.writeLong(timestamp, out, pos);
    }
    long duration = span.durationMicros();
    if (duration > 0) {
      pos = JsonBytes.write(DURATION, out, pos);
      pos = JsonBytes.writeLong(duration, out, pos);
    }
    String serviceName = span.localServiceName();
    if (serviceName != null && !serviceName.isEmpty()) {
      pos = JsonBytes.write(LOCAL_ENDPOINT, out, pos);
      pos = JsonBytes.writeEscaped(serviceName, out, pos);
      out[pos++] = '"';
      out[pos++] = '}';
    }
    pos = writeRemoteEndpoint(span, out, pos);
    int written = 0;
    for (int i = 0, n = span.annotationCount(); i < n; i++) {
      String value = span.annotationValue(i);
      if (value == null) continue;
      if (written++ == 0) {
        pos = JsonBytes.write(ANNOTATIONS, out, pos);
      } else {
        out[pos++] = ',';
      }
      pos = JsonBytes.write(ANNOTATION_TIMESTAMP, out, pos);
      pos = JsonBytes.writeLong(span.annotationTimestamp(i), out, pos);
      pos = JsonBytes.write(ANNOTATION_VALUE, out, pos);
      pos = JsonBytes.writeEscaped(value, out, pos);
      out[pos++] = '"';
      out[pos++] = '}';
    }
    if (written > 0) out[pos++] = ']';
    written = 0;
    for (int i = 0, n = span.tagCount(); i < n; i++) {
      String key = span.tagKey(i);
      String value = span.tagValue(i);
      if (key == null || value == null) continue;
      if (written++ == 0) {
        pos = JsonBytes.write(TAGS, out, pos);
      } else {
        out[pos++] = ',';
      }
      out[pos++] = '"';
      pos = JsonBytes.writeEscaped(key, out, pos);
      out[pos++] = '"';
      out[pos++] = ':';
      out[pos++] = '"';
      pos = JsonBytes.writeEscaped(value, out, pos);
      out[pos++] = '"';
    }
    if (written > 0) out[pos++] = '}';
    if (context.debug()) pos = JsonBytes.write(DEBUG, out, pos);
    out[pos++] = '}';
    return pos;
  }

  private static boolean present(String s) {
    return s != null && !s.isEmpty();
  }

  private static int remoteEndpointSize(FinishedSpan span) {
    String service = span.remoteServiceName();
    String ip = span.remoteIp();
    int port = span.remotePort();
    int fields = 0;
    int size = REMOTE_ENDPOINT.length + 1; // }
    if (present(service)) {
      size += SERVICE_NAME.length + JsonBytes.escapedSize(service) + 1;
      fields++;
    }
    if (present(ip)) {
      size += (ip.indexOf(':') >= 0 ? IPV6.length : IPV4.length) + JsonBytes.escapedSize(ip) + 1;
      fields++;
    }
    if (port > 0 && port <= 0xffff) {
      size += PORT.length + JsonBytes.longSize(port);
      fields++;
    }
    return fields == 0 ? 0 : size + fields - 1; // commas
  }

  private static int writeRemoteEndpoint(FinishedSpan span, byte[] out, int pos) {
    String service = span.remoteServiceName();
    String ip = span.remoteIp();
    int port = span.remotePort();
    boolean hasPort = port > 0 && port <= 0xffff;
    if (!present(service) && !present(ip) && !hasPort) return pos;
    pos = JsonBytes.write(REMOTE_ENDPOINT, out, pos);
    boolean first = true;
    if (present(service)) {
      pos = JsonBytes.write(SERVICE_NAME, out, pos);
      pos = JsonBytes.writeEscaped(service, out, pos);
      out[pos++] = '"';
      first = false;
    }
    if (present(ip)) {
      if (!first) out[pos++] = ',';
      pos = JsonBytes.write(ip.indexOf(':') >= 0 ? IPV6 : IPV4, out, pos);
      pos = JsonBytes.writeEscaped(ip, out, pos);
      out[pos++] = '"';
      first = false;
    }
    if (hasPort) {
      if (!first) out[pos++] = ',';
      pos = JsonBytes.write(PORT, out, pos);
      pos = JsonBytes.writeLong(port, out, pos);
    }
    out[pos++] = '}';
    return pos;
  }

  /** A JSON list of spans already encoded with {@link #encode}: {@code [span,span,...]}. */
  public static byte[] encodeList(List<byte[]> encodedSpans) {
    int size = listSizeInBytes(encodedSpans);
    byte[] out = new byte[size];
    writeList(encodedSpans, out, 0);
    return out;
  }

  /** The number of bytes {@link #encodeList} returns for these spans. */
  public static int listSizeInBytes(List<byte[]> encodedSpans) {
    int n = encodedSpans.size();
    int size = 2 + (n > 1 ? n - 1 : 0);
    for (int i = 0; i < n; i++) size += encodedSpans.get(i).length;
    return size;
  }

  /** Writes a JSON list of encoded spans at {@code pos}; returns the position after it. */
  public static int writeList(List<byte[]> encodedSpans, byte[] out, int pos) {
    out[pos++] = '[';
    for (int i = 0, n = encodedSpans.size(); i < n; i++) {
      if (i > 0) out[pos++] = ',';
      pos = JsonBytes.write(encodedSpans.get(i), out, pos);
    }
    out[pos++] = ']';
    return pos;
  }

  private static byte[] ascii(String s) {
    byte[] b = new byte[s.length()];
    JsonBytes.writeAscii(s, b, 0);
    return b;
  }

  private ZipkinJson() {
  }
}
