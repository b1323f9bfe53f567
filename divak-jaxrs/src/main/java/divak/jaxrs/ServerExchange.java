package divak.jaxrs;

import divak.Span;
import divak.metrics.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** One server request as divak follows it, kept as a request property from start to end. */
final class ServerExchange {
  static final String PROPERTY = "divak.jaxrs.ServerExchange";

  final Span span;
  final String requestId;
  final long startNanos;
  final String method;
  private static final AtomicIntegerFieldUpdater<ServerExchange> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ServerExchange.class, "ended");
  private volatile int ended; // 1 once ended: see markEnded
  private volatile boolean named;
  volatile Route metrics; // the route's metrics, once matched; sampled or not
  private volatile int status = 500; // until a response is seen
  // For the access log; null when it is off.
  String uri;
  String userAgent;
  String remote;
  private volatile Throwable thrown;
  // At most two: the thread that started the request and, when it ends elsewhere, that thread.
  // Two fields rather than a list: no list, array or iterator per request.
  private ThreadBinding first;
  private ThreadBinding second;
  // Client spans started within this request that no response filter finished yet.
  private List<Span> openClientSpans;

  ServerExchange(Span span, String method, long startNanos) {
    this.span = span;
    this.requestId = span.context().requestId();
    this.method = method;
    this.startNanos = startNanos;
  }

  void accessLogFields(URI uri, String userAgent) {
    String query = uri.getRawQuery();
    this.uri = query == null ? uri.getRawPath() : uri.getRawPath() + '?' + query;
    this.userAgent = userAgent;
  }

  void status(int status) {
    this.status = status;
  }

  int status() {
    return status;
  }

  /** True the first time only: the span is named once, when the route is known. */
  boolean markNamed() {
    if (named) return false;
    named = true;
    return true;
  }

  /** True the first time only: the exchange ends once, whichever hook sees the end first. */
  boolean markEnded() {
    return ENDED.compareAndSet(this, 0, 1);
  }

  boolean isEnded() {
    return ended != 0;
  }

  /** Notes what the resource method or a filter threw, mapped or not; the first counts. */
  void thrown(Throwable error) {
    if (error != null && this.thrown == null) this.thrown = error;
  }

  Throwable thrown() {
    return thrown;
  }

  /**
   * Keeps {@code binding} in place of one already restored (which restores nothing more). When
   * both are still bound, on two other threads, it replaces the second: that thread is then
   * restored when it next starts a request ({@link ThreadBinding#restoreStale}).
   */
  synchronized void addBinding(ThreadBinding binding) {
    if (first == null || !first.isBound()) {
      first = binding;
    } else {
      second = binding;
    }
  }

  /** True when this exchange is bound to the current thread. */
  synchronized boolean isBoundHere() {
    return (first != null && first.isOnCurrentThread())
        || (second != null && second.isOnCurrentThread());
  }

  /** Restores this exchange's bindings on the current thread; others stay for their thread. */
  synchronized void restoreHere() {
    if (first != null && first.isOnCurrentThread()) first.restore();
    if (second != null && second.isOnCurrentThread()) second.restore();
  }

  synchronized void clientStarted(Span clientSpan) {
    if (openClientSpans == null) openClientSpans = new ArrayList<>(2);
    openClientSpans.add(clientSpan);
  }

  synchronized void clientEnded(Span clientSpan) {
    if (openClientSpans != null) openClientSpans.remove(clientSpan);
  }

  /** Client spans of this request that never saw a response; emptied. */
  synchronized List<Span> drainOpenClientSpans() {
    if (openClientSpans == null || openClientSpans.isEmpty()) return List.of();
    List<Span> open = new ArrayList<>(openClientSpans);
    openClientSpans.clear();
    return open;
  }
}
