package divak.report;

import divak.Span;
import zipkin2.Endpoint;

/** The {@code zipkin2.Span} that a finished span should decode to, built with zipkin2's API. */
final class Zipkin2Spans {

  /**
   * The expected span. Strings go through zipkin2's builder, which lower-cases span and service
   * names and treats empty ones as absent, as the decoder does; lone surrogates become U+FFFD, as
   * the encoder writes them.
   */
  static zipkin2.Span expected(FinishedSpan span) {
    zipkin2.Span.Builder b = zipkin2.Span.newBuilder()
        .traceId(span.context().traceIdHigh(), span.context().traceId())
        .parentId(span.context().parentId())
        .id(span.context().spanId())
        .name(wellFormed(span.name()))
        .timestamp(span.startTimestamp())
        .duration(span.durationMicros());
    if (span.context().debug()) b.debug(true);
    Span.Kind kind = span.kind();
    if (kind != null) b.kind(zipkin2.Span.Kind.valueOf(kind.name()));
    String serviceName = wellFormed(span.localServiceName());
    if (serviceName != null && !serviceName.isEmpty()) {
      b.localEndpoint(Endpoint.newBuilder().serviceName(serviceName).build());
    }
    if (span.remoteServiceName() != null || span.remoteIp() != null || span.remotePort() > 0) {
      Endpoint.Builder remote = Endpoint.newBuilder().serviceName(span.remoteServiceName());
      if (span.remoteIp() != null) remote.ip(span.remoteIp());
      if (span.remotePort() > 0) remote.port(span.remotePort());
      b.remoteEndpoint(remote.build());
    }
    for (int i = 0; i < span.tagCount(); i++) {
      b.putTag(wellFormed(span.tagKey(i)), wellFormed(span.tagValue(i)));
    }
    for (int i = 0; i < span.annotationCount(); i++) {
      b.addAnnotation(span.annotationTimestamp(i), wellFormed(span.annotationValue(i)));
    }
    return b.build();
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  static String wellFormed(String s) {
    if (s == null) return null;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private Zipkin2Spans() {
  }
}
