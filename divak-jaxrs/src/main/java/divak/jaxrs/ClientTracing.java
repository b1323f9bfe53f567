package divak.jaxrs;

import divak.Divak;
import divak.Span;
import divak.propagation.Propagation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A CLIENT span per outgoing request, a child of the current span. */
final class ClientTracing {
  static final String SPAN = "divak.jaxrs.ClientSpan";
  static final String EXCHANGE = "divak.jaxrs.ClientSpan.exchange";
  static final String START = "divak.jaxrs.ClientSpan.startNanos";
  static final Propagation.Setter<ClientRequestContext> SETTER =
      (request, name, value) -> request.getHeaders().putSingle(name, value);

  final Divak divak;
  private final @Nullable String remoteServiceName; // null: the called host

  ClientTracing(Divak divak, @Nullable String remoteServiceName) {
    this.divak = divak;
    this.remoteServiceName = remoteServiceName;
  }

  void request(ClientRequestContext request) {
    Span current = divak.currentSpan();
    String method = request.getMethod();
    Span span = divak.startSpan(method, Span.Kind.CLIENT, current == Span.NOOP ? null : current.context());
    if (!span.isNoop()) {
      URI uri = request.getUri();
      span.tag("http.method", method);
      span.tag("http.path", uri.getRawPath());
      String host = uri.getHost();
      if (host != null) {
        span.tag("http.host", host);
        span.tag("http.url", url(uri));
        // Zipkin places a call to a service that reports nothing by its remote endpoint.
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
        span.remoteEndpoint(remoteServiceName != null ? remoteServiceName : host,
            ipLiteral(host), port);
      }
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
    int status = response.getStatus();
    // One rule for the span and the metrics: see ErrorRule.
    boolean failed = ErrorRule.clientFailed(status);
    recordMetrics(request, status, failed);
    Span span = take(request);
    if (span == null) return;
    span.tag("http.status_code", status);
    if (failed) span.tag("error", Integer.toString(status));
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
    if (!divak.recordsRequestMetrics()) return;
    divak.metrics().client(request.getMethod(), host(request.getUri()))
        .record(status, System.nanoTime() - (Long) start, failed);
  }

  /** The URL without user info, query or fragment: those may hold secrets. */
  static String url(URI uri) {
    StringBuilder b = new StringBuilder(64).append(uri.getScheme()).append("://").append(uri.getHost());
    if (uri.getPort() >= 0) b.append(':').append(uri.getPort());
    String path = uri.getRawPath();
    return b.append(path == null || path.isEmpty() ? "/" : path).toString();
  }

  private static int defaultPort(String scheme) {
    if ("http".equalsIgnoreCase(scheme)) return 80;
    if ("https".equalsIgnoreCase(scheme)) return 443;
    return 0;
  }

  /**
   * {@code host} when it is an IPv4 or IPv6 literal (without the brackets), else null: a name is
   * not resolved on the request path.
   */
  static @Nullable String ipLiteral(String host) {
    if (host.startsWith("[") && host.endsWith("]")) return host.substring(1, host.length() - 1);
    if (host.indexOf(':') >= 0) return host;
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        if (digits == 0) return null;
        dots++;
        digits = 0;
      } else if (c >= '0' && c <= '9' && ++digits <= 3) {
        continue;
      } else {
        return null;
      }
    }
    return dots == 3 && digits > 0 ? host : null;
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
  private static @Nullable Span take(ClientRequestContext request) {
    Object span = request.getProperty(SPAN);
    if (!(span instanceof Span)) return null;
    request.removeProperty(SPAN);
    Object exchange = request.getProperty(EXCHANGE);
    if (exchange instanceof ServerExchange) ((ServerExchange) exchange).clientEnded((Span) span);
    return ((Span) span).isNoop() ? null : (Span) span;
  }
}
