package divak;

import java.lang.ref.WeakReference;

/**
 * For generated code: the calls a decorator written by the divak processor makes, so that a traced
 * call reads the current span once and an unsampled one allocates nothing. Not meant to be called
 * by hand; {@link Divak#currentSpan()}, {@link Divak#startSpan(String)} and {@link
 * Divak#withSpan(Span)} do the same for people.
 *
 * <p>A resource method's decorator calls {@link #currentSpan()} and records what the method throws
 * with {@link Span#recordException}: the server filter, which owns the request's span, decides
 * whether it failed (a 5xx answer or an unmapped exception) or answered (a mapped 4xx). Any other
 * traced method runs in {@link #startSpan(Span, String) a child span}, which it fails itself with
 * {@link Span#error}.
 */
public final class Decorators {
  /**
   * Some tracer, to read the current span through: the current span is one per thread for the
   * whole JVM, the same whichever tracer is asked (see {@link Divak}), so one found once serves
   * every later call. {@link Divak#current()} reads the thread-local itself, and asking it for each
   * call would read it twice. Weak, so that a closed tracer is not kept alive by this class.
   */
  private static volatile WeakReference<Divak> anyTracer = new WeakReference<>(null);

  private Decorators() {
  }

  /**
   * For generated code: the span current on this thread, or {@link Span#NOOP} when there is none.
   * Reads the thread-local once.
   */
  public static Span currentSpan() {
    return anyTracer().currentSpan();
  }

  /**
   * For generated code: starts the span of a traced method that is not a resource method, a child
   * of {@code parent} (the span {@link #currentSpan()} returned). When {@code parent} is a no-op
   * span of a trace that was decided not to be recorded, the child is {@code parent} itself: no
   * thread-local read and no allocation, and {@link #makeCurrent} then has nothing to do.
   * Otherwise the tracer of {@code parent} (or the one {@link Divak#current()} names when there is
   * no current span) starts it.
   */
  public static Span startSpan(Span parent, String name) {
    TraceContext context = parent.context();
    if (parent.isNoop() && context.hasIds() && Boolean.FALSE.equals(context.sampled())) return parent;
    return Divak.current().startSpan(name, null, context);
  }

  /**
   * For generated code: makes {@code span} current until the returned scope is closed, through the
   * tracer that started it (the current span's, so with its log settings); {@link Scope#NOOP}
   * when it is {@code parent}, the span current already, as for every unsampled call.
   */
  public static Scope makeCurrent(Span parent, Span span) {
    if (span == parent) return Scope.NOOP;
    return Divak.current().withSpan(span);
  }

  private static Divak anyTracer() {
    Divak divak = anyTracer.get();
    if (divak == null) {
      divak = Divak.current();
      anyTracer = new WeakReference<>(divak);
    }
    return divak;
  }
}
