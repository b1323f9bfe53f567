package divak;

import org.jspecify.annotations.Nullable;

/** An unsampled span: carries ids for propagation, records nothing. */
final class NoopSpan extends Span {
  private final TraceContext context;

  NoopSpan(TraceContext context) {
    this.context = context;
  }

  /** The shared no-op span of {@code context}, created on first use. */
  static NoopSpan of(TraceContext context) {
    NoopSpan span = context.noopSpan;
    if (span == null) {
      span = new NoopSpan(context);
      context.noopSpan = span;
    }
    return span;
  }

  @Override
  public TraceContext context() {
    return context;
  }

  @Override
  public boolean isNoop() {
    return true;
  }

  @Override
  public Span name(@Nullable String name) {
    return this;
  }

  @Override
  public Span kind(@Nullable Kind kind) {
    return this;
  }

  @Override
  public Span remoteEndpoint(@Nullable String serviceName, @Nullable String ip, int port) {
    return this;
  }

  @Override
  public Span tag(@Nullable String key, @Nullable String value) {
    return this;
  }

  @Override
  public Span tag(@Nullable String key, long value) {
    return this;
  }

  @Override
  public Span tag(@Nullable String key, int value) {
    return this;
  }

  @Override
  public Span tag(@Nullable String key, boolean value) {
    return this;
  }

  @Override
  public Span tag(@Nullable String key, double value) {
    return this;
  }

  @Override
  public Span annotate(@Nullable String value) {
    return this;
  }

  @Override
  public Span annotate(long epochMicros, @Nullable String value) {
    return this;
  }

  @Override
  public Span error(@Nullable Throwable error) {
    return this;
  }

  @Override
  public Span recordException(@Nullable Throwable thrown) {
    return this;
  }

  @Override
  public @Nullable Throwable recordedException() {
    return null;
  }

  @Override
  public void finish() {
  }

  @Override
  public void finish(long epochMicros) {
  }

  @Override
  public String toString() {
    return "NoopSpan{" + context + "}";
  }
}
