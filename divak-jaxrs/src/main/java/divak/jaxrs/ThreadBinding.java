package divak.jaxrs;

import divak.Divak;
import divak.Scope;

/**
 * What a request put on one thread: its span made current, and so its ids in the MDC ({@link
 * Divak#withSpan}), with what they replaced. {@link #restore()} puts that back, and only on the
 * thread that was bound.
 *
 * <p>A thread can be left bound when a request goes asynchronous ({@code AsyncResponse},
 * {@code CompletionStage}) and the container gives no portable signal that the resource method
 * has returned. Such a binding is restored when the thread next starts a request
 * ({@link #restoreStale()}), or earlier where the container has a hook (Jersey's
 * {@code RESOURCE_METHOD_FINISHED}).
 */
final class ThreadBinding {
  private static final ThreadLocal<ThreadBinding> BOUND = new ThreadLocal<>();

  final ServerExchange exchange;
  private final Thread thread;
  private final Scope scope;
  private final ThreadBinding outer;
  private boolean restored;

  private ThreadBinding(ServerExchange exchange, Divak divak) {
    this.exchange = exchange;
    this.thread = Thread.currentThread();
    this.scope = divak.withSpan(exchange.span);
    this.outer = BOUND.get();
    BOUND.set(this);
  }

  /** Binds {@code exchange} to the current thread. */
  static ThreadBinding bind(ServerExchange exchange, Divak divak) {
    return new ThreadBinding(exchange, divak);
  }

  /** The exchange bound to the current thread, or null. */
  static ServerExchange currentExchange() {
    ThreadBinding b = BOUND.get();
    return b != null && !b.restored ? b.exchange : null;
  }

  /** Restores every binding left on this thread by requests that went on elsewhere. */
  static void restoreStale() {
    ThreadBinding b = BOUND.get();
    while (b != null) {
      b.restore();
      ThreadBinding next = BOUND.get();
      if (next == b) break; // cannot happen; guards the loop
      b = next;
    }
  }

  /** True until restored. */
  boolean isBound() {
    return !restored;
  }

  boolean isOnCurrentThread() {
    return thread == Thread.currentThread() && !restored;
  }

  /** Puts back what this binding replaced; does nothing on another thread or the second time. */
  void restore() {
    if (restored || thread != Thread.currentThread()) return;
    restored = true;
    scope.close();
    // set(null) rather than remove(): the thread's entry stays for its next request, which
    // would otherwise allocate a new one (a ThreadLocalMap entry per request).
    if (BOUND.get() == this) BOUND.set(outer);
  }
}
