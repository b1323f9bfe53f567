package divak.report;

import divak.Span;
import divak.TraceContext;
import java.util.ArrayList;
import java.util.List;

/** A finished span built field by field, for encoder tests. */
final class SpanData implements FinishedSpan {
  TraceContext context = TraceContext.builder()
      .traceIdHigh(0x463ac35c9f6413adL).traceId(0x48485a3953bb6124L).spanId(0x0000000000000002L)
      .sampled(true).build();
  String name;
  Span.Kind kind;
  String serviceName;
  long timestamp;
  long duration;
  String remoteServiceName;
  String remoteIp;
  int remotePort;
  final List<String> tags = new ArrayList<>();
  final List<Long> annotationTimes = new ArrayList<>();
  final List<String> annotationValues = new ArrayList<>();
  Throwable error;

  static SpanData span() {
    return new SpanData();
  }

  SpanData remote(String serviceName, String ip, int port) {
    this.remoteServiceName = serviceName;
    this.remoteIp = ip;
    this.remotePort = port;
    return this;
  }

  @Override
  public String remoteServiceName() {
    return remoteServiceName;
  }

  @Override
  public String remoteIp() {
    return remoteIp;
  }

  @Override
  public int remotePort() {
    return remotePort;
  }

  SpanData ids(long traceIdHigh, long traceId, long parentId, long spanId) {
    context = context.toBuilder()
        .traceIdHigh(traceIdHigh).traceId(traceId).parentId(parentId).spanId(spanId).build();
    return this;
  }

  SpanData debug() {
    context = context.toBuilder().debug(true).build();
    return this;
  }

  /** A copy with its own lists, for generators that must not mutate a generated span. */
  SpanData copy() {
    SpanData c = new SpanData();
    c.context = context;
    c.name = name;
    c.kind = kind;
    c.serviceName = serviceName;
    c.timestamp = timestamp;
    c.duration = duration;
    c.tags.addAll(tags);
    c.annotationTimes.addAll(annotationTimes);
    c.annotationValues.addAll(annotationValues);
    c.error = error;
    return c;
  }

  SpanData traceState(String traceState) {
    context = context.toBuilder().traceState(traceState).build();
    return this;
  }

  /** The error as {@code Span.error} leaves it: also the {@code error} and exception.type tags. */
  SpanData error(Throwable error) {
    this.error = error;
    if (tag("error") == null) {
      String message = error.getMessage();
      tag("error", message != null && !message.isEmpty() ? message : error.getClass().getSimpleName());
    }
    if (tag("exception.type") == null) tag("exception.type", error.getClass().getName());
    return this;
  }

  SpanData name(String name) {
    this.name = name;
    return this;
  }

  SpanData kind(Span.Kind kind) {
    this.kind = kind;
    return this;
  }

  SpanData serviceName(String serviceName) {
    this.serviceName = serviceName;
    return this;
  }

  SpanData timestamp(long timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  SpanData duration(long duration) {
    this.duration = duration;
    return this;
  }

  SpanData tag(String key, String value) {
    tags.add(key);
    tags.add(value);
    return this;
  }

  SpanData annotate(long timestamp, String value) {
    annotationTimes.add(timestamp);
    annotationValues.add(value);
    return this;
  }

  @Override
  public TraceContext context() {
    return context;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Span.Kind kind() {
    return kind;
  }

  @Override
  public String localServiceName() {
    return serviceName;
  }

  @Override
  public long startTimestamp() {
    return timestamp;
  }

  @Override
  public long durationMicros() {
    return duration;
  }

  @Override
  public int tagCount() {
    return tags.size() / 2;
  }

  @Override
  public String tagKey(int index) {
    return tags.get(2 * index);
  }

  @Override
  public String tagValue(int index) {
    return tags.get(2 * index + 1);
  }

  @Override
  public String tag(String key) {
    for (int i = 0; i < tags.size(); i += 2) {
      if (tags.get(i).equals(key)) return tags.get(i + 1);
    }
    return null;
  }

  @Override
  public int annotationCount() {
    return annotationValues.size();
  }

  @Override
  public long annotationTimestamp(int index) {
    return annotationTimes.get(index);
  }

  @Override
  public String annotationValue(int index) {
    return annotationValues.get(index);
  }

  @Override
  public Throwable error() {
    return error;
  }

  @Override
  public String toString() {
    return "SpanData{" + name + " " + context + "}";
  }
}
