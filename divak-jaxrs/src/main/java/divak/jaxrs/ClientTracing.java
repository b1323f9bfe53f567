package divak.jaxrs;

import divak.Divak;
import divak.Span;
import divak.propagation.Propagation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;

/** A CLIENT span per outgoing request, a child of the current span. */
final class ClientTracing {
  static final String SPAN = "divak.jaxrs.ClientSpan";
  static final String EXCHANGE = "divak.jaxrs.ClientSpan.exchange";
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
  }

  void response(ClientRequestContext request, ClientResponseContext response) {
    Span span = take(request);
    if (span == null) return;
    int status = response.getStatus();
    span.tag("http.status_code", status);
    if (status >= 400) span.tag("error", Integer.toString(status));
    span.finish();
  }

  void failure(ClientRequestContext request, Throwable error) {
    Span span = take(request);
    if (span == null) return;
    span.error(error);
    span.finish();
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
