package divak;

import org.jspecify.annotations.Nullable;

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

  /** Tags this operation's span; a null key or value adds nothing. */
  public Operation tag(@Nullable String key, @Nullable String value) {
    span.tag(key, value);
    return this;
  }

  /** Tags this operation's span with a number; a null key adds nothing. */
  public Operation tag(@Nullable String key, long value) {
    span.tag(key, value);
    return this;
  }

  /** Tags this operation's span with a number; a null key adds nothing. */
  public Operation tag(@Nullable String key, int value) {
    span.tag(key, value);
    return this;
  }

  /** Tags this operation's span with {@code true} or {@code false}; a null key adds nothing. */
  public Operation tag(@Nullable String key, boolean value) {
    span.tag(key, value);
    return this;
  }

  /** Tags this operation's span with a number; a null key adds nothing. */
  public Operation tag(@Nullable String key, double value) {
    span.tag(key, value);
    return this;
  }

  /** Records an event at the current time. */
  public Operation annotate(@Nullable String value) {
    span.annotate(value);
    return this;
  }

  /** Marks the operation as failed. */
  public Operation error(@Nullable Throwable error) {
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
