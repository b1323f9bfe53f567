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
