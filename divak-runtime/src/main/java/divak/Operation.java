package divak;

/**
 * A span that is current until closed: {@code try (Operation op = divak.operation("query-db"))}.
 * Closing finishes the span and restores the span that was current before, also when the block
 * ends with an exception.
 */
public final class Operation implements AutoCloseable {
  private final Span span;
  private final Scope scope;

  Operation(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  /** The span of this operation. */
  public Span span() {
    return span;
  }

  /** The ids of this operation's span. */
  public TraceContext context() {
    return span.context();
  }

  public Operation tag(String key, String value) {
    span.tag(key, value);
    return this;
  }

  public Operation tag(String key, long value) {
    span.tag(key, value);
    return this;
  }

  public Operation tag(String key, int value) {
    span.tag(key, value);
    return this;
  }

  public Operation tag(String key, boolean value) {
    span.tag(key, value);
    return this;
  }

  public Operation tag(String key, double value) {
    span.tag(key, value);
    return this;
  }

  /** Records an event at the current time. */
  public Operation annotate(String value) {
    span.annotate(value);
    return this;
  }

  /** Marks the operation as failed. */
  public Operation error(Throwable error) {
    span.error(error);
    return this;
  }

  /** Restores the previous span and finishes this one. */
  @Override
  public void close() {
    scope.close();
    span.finish();
  }

  @Override
  public String toString() {
    return "Operation{" + span + "}";
  }
}
