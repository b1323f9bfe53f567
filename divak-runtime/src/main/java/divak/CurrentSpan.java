package divak;

import java.util.concurrent.Callable;

/**
 * The span that is current on each thread, and moving it to other threads. One per JVM, shared by
 * every {@link Divak}, so that generated code and libraries find the current span without being
 * handed a tracer.
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

  /** A task that runs with the span that is current now. */
  static Runnable wrap(Runnable task) {
    Span span = CURRENT.get();
    return () -> {
      Scope scope = set(span);
      try {
        task.run();
      } finally {
        scope.close();
      }
    };
  }

  /** A task that runs with the span that is current now. */
  static <V> Callable<V> wrap(Callable<V> task) {
    Span span = CURRENT.get();
    return () -> {
      Scope scope = set(span);
      try {
        return task.call();
      } finally {
        scope.close();
      }
    };
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
