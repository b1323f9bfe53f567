package divak.report;

import divak.Span;
import divak.TraceContext;

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

  String name();

  /** The kind, or null for a local span. */
  Span.Kind kind();

  /** {@code localEndpoint.serviceName} in Zipkin. */
  String localServiceName();

  /**
   * {@code remoteEndpoint.serviceName} in Zipkin: the service called by a CLIENT span; null when
   * unknown.
   */
  default String remoteServiceName() {
    return null;
  }

  /** {@code remoteEndpoint.ipv4} or {@code ipv6}: an IP literal, or null when unknown. */
  default String remoteIp() {
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

  int tagCount();

  String tagKey(int index);

  String tagValue(int index);

  /** The value of the tag {@code key}, or null. */
  String tag(String key);

  int annotationCount();

  /** The annotation's time in epoch microseconds. */
  long annotationTimestamp(int index);

  String annotationValue(int index);

  /** The error given to {@link Span#error}, or null. */
  Throwable error();
}
