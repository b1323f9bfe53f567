package divak.quarkus;

import divak.Divak;
import divak.Span;
import divak.TraceContext;
import divak.propagation.Propagation;
import io.quarkus.arc.Arc;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A Vert.x route filter, run for every HTTP request, that traces the requests Quarkus REST does
 * not answer: paths no resource matches fall through to Vert.x's own 404. Each gets a SERVER span
 * named after its method, its Request-Id and its count under the {@code unmatched} route, like an
 * unmatched request on other containers. Requests Quarkus REST answered are marked by {@link
 * JaxrsAnswered} and left to divak's JAX-RS filters.
 *
 * <p>The span starts when the response headers are written, since only then is it known that
 * Quarkus REST did not answer; its duration is therefore not the request's (the metrics are).
 */
final class UnmatchedRequests implements Handler<RoutingContext> {
  static final Propagation.Getter<HttpServerRequest> GETTER = HttpServerRequest::getHeader;

  private volatile Divak divak;

  @Override
  public void handle(RoutingContext context) {
    long startNanos = System.nanoTime();
    context.addHeadersEndHandler(ignored -> {
      if (context.get(JaxrsAnswered.KEY) == null) traced(context, startNanos);
    });
    context.next();
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
