package divak;

import org.jspecify.annotations.Nullable;

/**
 * A timed operation in a trace. Spans start when created and record nothing after {@link #finish()}.
 *
 * <p>An unsampled span is a no-op ({@link #isNoop()}): it still has a {@link #context()} so that
 * its ids propagate downstream, but its methods do nothing and it is never reported.
 *
 * <p>A span may be tagged from the thread that started it or from another thread that the
 * request is handed to; it is not meant to be mutated by two threads at the same time.
 */
public abstract class Span {

  /** The role of a span in a remote call; a local span has no kind. */
  public enum Kind {
    /** Handles a request that came from another service. */
    SERVER,
    /** Makes a request to another service. */
    CLIENT,
    /** Sends a message that a consumer handles later. */
    PRODUCER,
    /** Handles a message that a producer sent. */
    CONSUMER
  }

  /**
   * The span that stands for "no span": no ids and no sampling decision, records nothing. Used as
   * a parent, it starts a new trace that the sampler decides.
   */
  public static final Span NOOP = new NoopSpan(TraceContext.builder().build());

  Span() {
  }

  /** The ids of this span, to propagate or to log. */
  public abstract TraceContext context();

  /** True when this span records nothing (unsampled, or no span at all). */
  public abstract boolean isNoop();

  /** Renames the span; null keeps the name. */
  public abstract Span name(@Nullable String name);

  /** Sets the kind; {@code null} for a local span. */
  public abstract Span kind(@Nullable Kind kind);

  /**
   * Names the other side of a remote call, Zipkin's {@code remoteEndpoint}: the service (null
   * when unknown), its IP literal (null when unknown; a host name is not an IP) and port (0 when
   * unknown). Zipkin places a CLIENT span to an uninstrumented service by it.
   */
  public abstract Span remoteEndpoint(@Nullable String serviceName, @Nullable String ip, int port);

  /** Adds a tag; a null key or value adds nothing. A key tagged twice keeps the last value. */
  public abstract Span tag(@Nullable String key, @Nullable String value);

  /** Adds a tag with a number as its value; a null key adds nothing. */
  public abstract Span tag(@Nullable String key, long value);

  /** Adds a tag with a number as its value; a null key adds nothing. */
  public abstract Span tag(@Nullable String key, int value);

  /** Adds a tag of {@code true} or {@code false}; a null key adds nothing. */
  public abstract Span tag(@Nullable String key, boolean value);

  /** Adds a tag with a number as its value; a null key adds nothing. */
  public abstract Span tag(@Nullable String key, double value);

  /** Records an event at the current time; null records nothing. */
  public abstract Span annotate(@Nullable String value);

  /** Records an event at a given time in epoch microseconds; null records nothing. */
  public abstract Span annotate(long epochMicros, @Nullable String value);

  /**
   * Marks the span as failed, tagging {@code error} (and {@code exception.type}) at finish. A
   * {@link java.util.concurrent.CompletionException} is unwrapped to its cause. Null is ignored.
   */
  public abstract Span error(@Nullable Throwable error);

  /**
   * Records what the work in this span threw without failing the span: the span's owner decides.
   * A resource method's decorator records here, and the server filter fails the request's span
   * only for a 5xx answer or an unmapped exception (a mapped 4xx is an answer, not a failure).
   * A {@link java.util.concurrent.CompletionException} is unwrapped to its cause. Null is ignored.
   */
  public abstract Span recordException(@Nullable Throwable thrown);

  /** What {@link #recordException} recorded last, or null; always null on a no-op span. */
  public abstract @Nullable Throwable recordedException();

  /** Ends the span now and hands it to the reporters. Only the first call counts. */
  public abstract void finish();

  /** Ends the span at a given time in epoch microseconds. Only the first call counts. */
  public abstract void finish(long epochMicros);
}
