package divak;

/**
 * The span that is current on each thread. One per JVM, shared by every {@link Divak}, so that
 * generated code and libraries find the current span without being handed a tracer.
 */
final class CurrentSpan {
  private static final ThreadLocal<Span> CURRENT = new ThreadLocal<>();

  static Span get() {
    return CURRENT.get();
  }

  /** Makes {@code span} current (null clears) and returns a scope that restores the previous one. */
  static Scope set(Span span) {
    Span previous = CURRENT.get();
    if (previous == span) return Scope.NOOP;
    CURRENT.set(span);
    return new Restore(previous);
  }

  private static final class Restore implements Scope {
    private final Span previous;

    Restore(Span previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  private CurrentSpan() {
  }
}
