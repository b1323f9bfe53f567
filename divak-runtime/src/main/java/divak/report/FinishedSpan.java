package divak.report;

import divak.Span;
import divak.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * A finished span as a reporter sees it: read-only, and not to be kept beyond {@link
 * Reporter#report} unless the reporter is meant to hold spans (as {@link InMemoryReporter} does).
 *
 * <p>An error given to {@link Span#error} appears as the {@code error} tag (the message, or the
 * exception's simple class name) and the {@code exception.type} tag (its class name).
 */
public interface FinishedSpan {
  /** Trace id, span id, parent id. */
  TraceContext context();

  /** The span's name. */
  String name();

  /** The kind, or null for a local span. */
  Span.@Nullable Kind kind();

  /** {@code localEndpoint.serviceName} in Zipkin. */
  String localServiceName();

  /**
   * {@code remoteEndpoint.serviceName} in Zipkin: the service called by a CLIENT span; null when
   * unknown.
   */
  default @Nullable String remoteServiceName() {
    return null;
  }

  /** {@code remoteEndpoint.ipv4} or {@code ipv6}: an IP literal, or null when unknown. */
  default @Nullable String remoteIp() {
    return null;
  }

  /** {@code remoteEndpoint.port}, or 0 when unknown. */
  default int remotePort() {
    return 0;
  }

  /** Start in epoch microseconds. */
  long startTimestamp();

  /** Duration in microseconds. */
  long durationMicros();

  /** The number of tags. */
  int tagCount();

  /** The key of tag {@code index}, from 0 to {@link #tagCount()} (exclusive). */
  String tagKey(int index);

  /** The value of tag {@code index}, from 0 to {@link #tagCount()} (exclusive). */
  String tagValue(int index);

  /** The value of the tag {@code key}, or null. */
  @Nullable String tag(String key);

  /** The number of annotations (events with a time). */
  int annotationCount();

  /** The annotation's time in epoch microseconds. */
  long annotationTimestamp(int index);

  /** The value of annotation {@code index}, from 0 to {@link #annotationCount()} (exclusive). */
  String annotationValue(int index);

  /** The error given to {@link Span#error}, or null. */
  @Nullable Throwable error();
}
