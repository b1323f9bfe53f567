package divak;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The span that is current on each thread, and moving it to other threads. One per JVM, shared by
 * every {@link Divak}, so that generated code and libraries find the current span without being
 * handed a tracer.
 *
 * <p>The MDC follows the current span: making a span current puts its trace id, span id and
 * Request-Id into the MDC, and the scope puts back what was there before (a span without ids
 * removes the keys for its time). So a log line names the span it was written in, on every thread
 * the span is carried to.
 */
final class CurrentSpan {
  private static final ThreadLocal<Span> CURRENT = new ThreadLocal<>();

  static @Nullable Span get() {
    return CURRENT.get();
  }

  /**
   * Makes {@code span} current (null clears) with its ids in the MDC under {@code keys}, and
   * returns a scope that restores the previous span and MDC values.
   */
  static Scope set(@Nullable Span span, MdcKeys keys) {
    Span previous = CURRENT.get();
    if (previous == span) return Scope.NOOP;
    CURRENT.set(span);
    if (!keys.on()) return new RestoreSpan(previous);
    Restore restore = new Restore(previous, keys);
    TraceContext context = span != null ? span.context() : null;
    if (context != null && context.hasIds()) {
      MDC.put(keys.traceId(), context.traceIdString());
      MDC.put(keys.spanId(), context.spanIdString());
    } else {
      MDC.remove(keys.traceId());
      MDC.remove(keys.spanId());
    }
    put(keys.requestId(), context != null ? context.requestId() : null);
    String[] baggageKeys = keys.baggage();
    if (baggageKeys.length > 0) {
      divak.propagation.Baggage baggage = context != null ? context.baggage() : null;
      for (String key : baggageKeys) put(key, baggage != null ? baggage.get(key) : null);
    }
    return restore;
  }

  /** A task that runs with the span that is current now, and its ids in the MDC. */
  static Runnable wrap(Runnable task, MdcKeys keys) {
    Span span = CURRENT.get();
    return () -> {
      Scope scope = set(span, keys);
      try {
        task.run();
      } finally {
        scope.close();
      }
    };
  }

  /** A task that runs with the span that is current now, and its ids in the MDC. */
  static <V> Callable<V> wrap(Callable<V> task, MdcKeys keys) {
    Span span = CURRENT.get();
    return () -> {
      Scope scope = set(span, keys);
      try {
        return task.call();
      } finally {
        scope.close();
      }
    };
  }

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /** Restores the previous span only: the MDC is off. */
  private static final class RestoreSpan implements Scope {
    private final @Nullable Span previous;

    RestoreSpan(@Nullable Span previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      CURRENT.set(previous);
    }
  }

  private static final class Restore implements Scope {
    private final @Nullable Span previous;
    private final MdcKeys keys;
    private final @Nullable String traceId;
    private final @Nullable String spanId;
    private final @Nullable String requestId;
    // the values before, for keys.baggage(); null when none
    private final @Nullable String @Nullable [] baggage;

    Restore(@Nullable Span previous, MdcKeys keys) {
      this.previous = previous;
      this.keys = keys;
      this.traceId = MDC.get(keys.traceId());
      this.spanId = MDC.get(keys.spanId());
      this.requestId = MDC.get(keys.requestId());
      String[] baggageKeys = keys.baggage();
      if (baggageKeys.length == 0) {
        this.baggage = null;
      } else {
        this.baggage = new String[baggageKeys.length];
        for (int i = 0; i < baggageKeys.length; i++) baggage[i] = MDC.get(baggageKeys[i]);
      }
    }

    @Override
    public void close() {
      if (previous == null) {
        // set(null) rather than remove(): the thread's entry stays for its next span, which
        // would otherwise allocate a new one.
        CURRENT.set(null);
      } else {
        CURRENT.set(previous);
      }
      put(keys.traceId(), traceId);
      put(keys.spanId(), spanId);
      put(keys.requestId(), requestId);
      if (baggage != null) {
        String[] baggageKeys = keys.baggage();
        for (int i = 0; i < baggageKeys.length; i++) put(baggageKeys[i], baggage[i]);
      }
    }
  }

  private CurrentSpan() {
  }
}
