package divak.jaxrs;

import divak.Divak;
import divak.Span;
import divak.TraceContext;
import divak.metrics.Metrics;
import divak.metrics.Route;
import divak.propagation.Propagation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a server request, whichever filter or container hook reports it: start, route
 * known, exception, response, end. Each step is idempotent, because on some containers two
 * hooks see the same moment.
 */
final class ServerTracing {
  static final Propagation.Getter<ContainerRequestContext> GETTER =
      ContainerRequestContext::getHeaderString;

  /** The span tag that holds the request's Request-Id, so that Zipkin can be searched by it. */
  static final String REQUEST_ID_TAG = "request.id";

  final Divak divak;
  private final @Nullable AccessLog accessLog; // null when off
  private final PathRule untraced;
  // Per resource class and method: what a matched request needs (see MatchedRoute).
  private final ClassValue<Map<Method, MatchedRoute>> matchedRoutes = new ClassValue<>() {
    @Override
    protected Map<Method, MatchedRoute> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  ServerTracing(Divak divak, @Nullable AccessLog accessLog, PathRule untraced) {
    this.divak = divak;
    this.accessLog = accessLog;
    this.untraced = untraced;
  }

  /** True when the access log is on, and so the client address is wanted. */
  boolean logsAccess() {
    return accessLog != null;
  }

  /** The request arrives: extract, sample, start the SERVER span, bind it to this thread. */
  void start(ContainerRequestContext request) {
    ThreadBinding.restoreStale();
    if (request.getProperty(ServerExchange.PROPERTY) != null) return; // seen already
    TraceContext extracted = divak.extract(request, GETTER);
    String method = request.getMethod();
    if (!untraced.isEmpty() && untraced.matches(request.getUriInfo().getPath())) {
      // Not recorded here, as if unsampled; ids and the Request-Id go on as for any request.
      extracted = extracted.toBuilder().sampled(Boolean.FALSE).build();
    }
    Span span = divak.startSpan(method, Span.Kind.SERVER, extracted);
    URI uri = request.getUriInfo().getRequestUri();
    if (!span.isNoop()) {
      span.tag("http.method", method);
      span.tag("http.path", uri.getRawPath());
      String requestId = span.context().requestId();
      if (requestId != null) span.tag(REQUEST_ID_TAG, requestId);
    }
    ServerExchange exchange = new ServerExchange(span, method, System.nanoTime());
    if (accessLog != null) {
      exchange.accessLogFields(uri, request.getHeaderString("User-Agent"));
    }
    request.setProperty(ServerExchange.PROPERTY, exchange);
    bind(exchange);
  }

  /**
   * The resource method is known: keep the route's metrics (for every request) and name the span
   * after its route template, once.
   */
  void matched(ServerExchange exchange, Class<?> resourceClass, Method resourceMethod) {
    if (exchange == null || resourceClass == null || resourceMethod == null) return;
    MatchedRoute matched = matchedRoutes.get(resourceClass).get(resourceMethod);
    if (matched == null || !matched.httpMethod.equals(exchange.method)) {
      String route = Routes.template(resourceClass, resourceMethod);
      matched = matchedRoute(exchange.method, route);
      matchedRoutes.get(resourceClass).putIfAbsent(resourceMethod, matched);
    }
    matched(exchange, matched);
  }

  /** The same, for a request that no resource method answers, such as the metrics endpoint. */
  void matched(ServerExchange exchange, String route) {
    if (exchange == null || route == null) return;
    matched(exchange, matchedRoute(exchange.method, route));
  }

  private void matched(ServerExchange exchange, MatchedRoute matched) {
    if (exchange.metrics == null) exchange.metrics = matched.metrics;
    if (exchange.span.isNoop()) return;
    if (!exchange.markNamed()) return;
    exchange.span.name(matched.spanName);
    exchange.span.tag("http.route", matched.route);
  }

  /**
   * What a request to one resource method needs once it is matched, looked up in one step: the
   * route template, the span name and the route's metrics. Built for the first request's HTTP
   * method (a method with {@code @GET} also answers HEAD and OPTIONS; those build theirs anew).
   * For speed: joining the name and looking the metrics up per request cost a string and two
   * map look-ups.
   */
  private record MatchedRoute(String httpMethod, String route, String spanName,
      @Nullable Route metrics) {
  }

  private MatchedRoute matchedRoute(String httpMethod, String route) {
    return new MatchedRoute(httpMethod, route, httpMethod + ' ' + route,
        divak.recordsRequestMetrics() ? divak.metrics().server(httpMethod, route) : null);
  }

  /**
   * A resource method (or a filter) threw {@code error}, mapped or not. Whether it fails the
   * request is decided at the end, by {@link ErrorRule}: a mapped exception answered below 500 is
   * an answer, not a failure.
   */
  void exception(ServerExchange exchange, Throwable error) {
    if (exchange == null || error == null) return;
    exchange.thrown(error);
  }

  /**
   * No mapper answers {@code error}: the container writes a 500 for it. Always a failure. Ends the
   * request now, when the container is about to answer, rather than after it has logged the
   * exception.
   */
  void unmapped(ServerExchange exchange, Throwable error) {
    if (exchange == null) return;
    exchange.thrown(error);
    exchange.status(500);
    // The thread stays bound: the container's report of the exception carries the ids. Jersey's
    // FINISHED event restores it.
    end(exchange, error, false);
  }

  /**
   * The response is ready: relay the Request-Id, and end now when there is no entity to write;
   * otherwise {@link ServerEndFilter#aroundWriteTo} ends it once the entity is written.
   */
  void response(ContainerRequestContext request, ContainerResponseContext response) {
    ServerExchange exchange = exchange(request);
    if (exchange == null) return;
    if (!exchange.isEnded() && !exchange.isBoundHere()) bind(exchange); // completed elsewhere
    // A Request-Id the application set itself is kept.
    if (exchange.requestId != null && response.getHeaderString(divak.requestIdHeader()) == null) {
      response.getHeaders().putSingle(divak.requestIdHeader(), exchange.requestId);
    }
    exchange.status(response.getStatus());
    if (!response.hasEntity() || "HEAD".equals(request.getMethod())) end(exchange, null);
  }

  /** Binds {@code exchange} to the current thread: its span current, its ids in the MDC. */
  void bind(ServerExchange exchange) {
    exchange.addBinding(ThreadBinding.bind(exchange, divak));
  }

  /**
   * The response was written (or writing it failed): finish the span, write the access log line,
   * restore this thread. Only the first call counts; later ones only restore this thread.
   */
  void end(ServerExchange exchange, @Nullable Throwable writeError) {
    end(exchange, writeError, true);
  }

  private void end(ServerExchange exchange, @Nullable Throwable writeError, boolean restore) {
    if (!exchange.markEnded()) {
      if (restore) exchange.restoreHere();
      return;
    }
    try {
      int status = exchange.status();
      Span span = exchange.span;
      // One rule for the span and the metrics: see ErrorRule.
      Throwable thrown = exchange.thrown();
      if (thrown == null) thrown = span.recordedException();
      ErrorRule.Outcome outcome = ErrorRule.decide(status, writeError, thrown);
      recordMetrics(exchange, status, outcome.failed());
      for (Span open : exchange.drainOpenClientSpans()) {
        open.tag("error", "no response");
        open.finish();
      }
      if (!span.isNoop()) {
        span.tag("http.status_code", status);
        if (outcome.error() != null) {
          span.error(outcome.error());
        } else if (outcome.failed()) {
          span.tag("error", Integer.toString(status));
        }
        span.finish();
      }
      if (accessLog != null) accessLog.log(exchange, status);
    } finally {
      if (restore) exchange.restoreHere();
    }
  }

  /** Counts the request, sampled or not; one that matched no resource counts as unmatched. */
  private void recordMetrics(ServerExchange exchange, int status, boolean failed) {
    if (!divak.recordsRequestMetrics()) return;
    Route route = exchange.metrics;
    if (route == null) route = divak.metrics().server(exchange.method, Metrics.UNMATCHED_ROUTE);
    route.record(status, System.nanoTime() - exchange.startNanos, failed);
  }

  static @Nullable ServerExchange exchange(ContainerRequestContext request) {
    Object exchange = request.getProperty(ServerExchange.PROPERTY);
    return exchange instanceof ServerExchange ? (ServerExchange) exchange : null;
  }
}
