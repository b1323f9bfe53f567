package divak.quarkus;

import divak.Divak;
import divak.Span;
import divak.TraceContext;
import divak.jaxrs.HandOver;
import divak.propagation.Propagation;
import io.quarkus.arc.Arc;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A Vert.x route filter, run for every HTTP request, that traces the requests Quarkus REST does
 * not answer: paths no resource matches fall through to Vert.x's own 404. Each gets a SERVER span
 * named after its method, its Request-Id, its access line and its count under the {@code
 * unmatched} route, like an unmatched request on other containers. Requests Quarkus REST answered
 * are marked by {@link JaxrsAnswered} and left to divak's JAX-RS filters.
 *
 * <p>A request that reached Quarkus REST was started by divak's pre-matching filter when it
 * arrived, and {@link JaxrsStarted} left it here: it is ended with the status Vert.x answered. A
 * request that never reached Quarkus REST (refused by a Vert.x filter before it) gets a span
 * that starts when its response headers are written, since only then is it known that no JAX-RS
 * filter saw it; its duration is therefore not the request's (its metrics are), and it has no
 * access line.
 */
final class UnmatchedRequests implements Handler<RoutingContext> {
  static final Propagation.Getter<HttpServerRequest> GETTER = HttpServerRequest::getHeader;

  private volatile Divak divak;

  @Override
  public void handle(RoutingContext context) {
    long startNanos = System.nanoTime();
    context.addHeadersEndHandler(ignored -> {
      if (context.get(JaxrsAnswered.KEY) != null) return;
      HandOver.Started started = context.get(JaxrsStarted.KEY);
      if (started != null) {
        ended(context, started);
      } else {
        traced(context, startNanos);
      }
    });
    context.next();
  }

  private void ended(RoutingContext context, HandOver.Started started) {
    String requestId = started.requestId();
    if (requestId != null) context.response().headers().set(divak().requestIdHeader(), requestId);
    started.end(context.response().getStatusCode());
  }

  private void traced(RoutingContext context, long startNanos) {
    Divak divak = divak();
    HttpServerRequest request = context.request();
    String method = request.method().name();
    int status = context.response().getStatusCode();
    TraceContext extracted = divak.extract(request, GETTER);
    Span span = divak.startSpan(method, Span.Kind.SERVER, extracted);
    String requestId = span.context().requestId();
    if (requestId != null) context.response().headers().set(divak.requestIdHeader(), requestId);
    divak.metrics().server(method, null)
        .record(status, System.nanoTime() - startNanos, status >= 500);
    if (span.isNoop()) return;
    span.tag("http.method", method);
    span.tag("http.path", request.path());
    span.tag("http.status_code", status);
    if (status >= 500) span.tag("error", Integer.toString(status));
    span.finish();
  }

  private Divak divak() {
    Divak d = divak;
    if (d == null) divak = d = Arc.container().instance(Divak.class).get();
    return d;
  }

  @Override
  public String toString() {
    return "UnmatchedRequests";
  }
}
