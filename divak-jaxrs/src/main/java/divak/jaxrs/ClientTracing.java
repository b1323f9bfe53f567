package divak.jaxrs;

import divak.Divak;
import divak.Span;
import divak.propagation.Propagation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.net.URI;

/** A CLIENT span per outgoing request, a child of the current span. */
final class ClientTracing {
  static final String SPAN = "divak.jaxrs.ClientSpan";
  static final String EXCHANGE = "divak.jaxrs.ClientSpan.exchange";
  static final String START = "divak.jaxrs.ClientSpan.startNanos";
  static final Propagation.Setter<ClientRequestContext> SETTER =
      (request, name, value) -> request.getHeaders().putSingle(name, value);

  final Divak divak;

  ClientTracing(Divak divak) {
    this.divak = divak;
  }

  void request(ClientRequestContext request) {
    Span current = divak.currentSpan();
    String method = request.getMethod();
    Span span = divak.startSpan(method, Span.Kind.CLIENT, current == Span.NOOP ? null : current.context());
    if (!span.isNoop()) {
      span.tag("http.method", method);
      span.tag("http.path", request.getUri().getRawPath());
      ServerExchange exchange = ThreadBinding.currentExchange();
      if (exchange != null) {
        // Ended with the server request if no response ever comes (see ServerTracing.end).
        exchange.clientStarted(span);
        request.setProperty(EXCHANGE, exchange);
      }
    }
    divak.inject(span.context(), request, SETTER);
    request.setProperty(SPAN, span);
    request.setProperty(START, System.nanoTime());
  }

  void response(ClientRequestContext request, ClientResponseContext response) {
    recordMetrics(request, response.getStatus(), false);
    Span span = take(request);
    if (span == null) return;
    int status = response.getStatus();
    span.tag("http.status_code", status);
    if (status >= 400) span.tag("error", Integer.toString(status));
    span.finish();
  }

  void failure(ClientRequestContext request, Throwable error) {
    recordMetrics(request, 0, true);
    Span span = take(request);
    if (span == null) return;
    span.error(error);
    span.finish();
  }

  /** Counts the call, sampled or not, at most once, by method and host: never by path. */
  private void recordMetrics(ClientRequestContext request, int status, boolean failed) {
    Object start = request.getProperty(START);
    if (!(start instanceof Long)) return;
    request.removeProperty(START);
    divak.metrics().client(request.getMethod(), host(request.getUri()))
        .record(status, System.nanoTime() - (Long) start, failed);
  }

  /** {@code host:port}, without any user info the URI carries. */
  static String host(URI uri) {
    String authority = uri.getRawAuthority();
    if (authority != null && authority.indexOf('@') < 0) return authority; // no allocation
    String host = uri.getHost();
    if (host == null) return "";
    return uri.getPort() < 0 ? host : host + ':' + uri.getPort();
  }

  /** The request's span, at most once: a response and a failure cannot both end it. */
  private static Span take(ClientRequestContext request) {
    Object span = request.getProperty(SPAN);
    if (!(span instanceof Span)) return null;
    request.removeProperty(SPAN);
    Object exchange = request.getProperty(EXCHANGE);
    if (exchange instanceof ServerExchange) ((ServerExchange) exchange).clientEnded((Span) span);
    return ((Span) span).isNoop() ? null : (Span) span;
  }
}
