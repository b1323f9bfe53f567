package divak;

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
  public Span name(String name) {
    return this;
  }

  @Override
  public Span kind(Kind kind) {
    return this;
  }

  @Override
  public Span remoteEndpoint(String serviceName, String ip, int port) {
    return this;
  }

  @Override
  public Span tag(String key, String value) {
    return this;
  }

  @Override
  public Span tag(String key, long value) {
    return this;
  }

  @Override
  public Span tag(String key, int value) {
    return this;
  }

  @Override
  public Span tag(String key, boolean value) {
    return this;
  }

  @Override
  public Span tag(String key, double value) {
    return this;
  }

  @Override
  public Span annotate(String value) {
    return this;
  }

  @Override
  public Span annotate(long epochMicros, String value) {
    return this;
  }

  @Override
  public Span error(Throwable error) {
    return this;
  }

  @Override
  public Span recordException(Throwable thrown) {
    return this;
  }

  @Override
  public Throwable recordedException() {
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
