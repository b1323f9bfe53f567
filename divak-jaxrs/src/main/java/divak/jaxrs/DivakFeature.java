package divak.jaxrs;

import divak.Divak;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Traces every request of a Jakarta REST server, and every call made through a {@code Client},
 * with one registration.
 *
 * <pre>{@code
 * resourceConfig.register(new DivakFeature(divak));          // server: spans, MDC, access log
 * Client client = ClientBuilder.newClient().register(new DivakFeature(divak)); // client spans
 * }</pre>
 *
 * <p>On a server it starts a SERVER span per request (named {@code METHOD /matched/{template}}),
 * relays or generates the Request-Id into the response, puts {@code traceId}, {@code spanId} and
 * {@code requestId} in the MDC for the request, and writes one access log line on the logger
 * {@code divak.access}. On a client it starts a CLIENT span, a child of the current span, and
 * writes the propagation headers and the Request-Id onto the request.
 *
 * <p>Configure before registering; the settings are read when the feature is registered.
 */
public final class DivakFeature implements Feature {
  /**
   * The priority of every divak filter: lower than any of {@link jakarta.ws.rs.Priorities}, so
   * that divak sees the request first and the response last.
   */
  static final int PRIORITY = 0;

  private final Divak divak;
  private String traceIdKey = "traceId";
  private String spanIdKey = "spanId";
  private String requestIdKey = "requestId";
  private boolean accessLog = true;
  private String metricsPath; // null: no endpoint

  /** Traces with {@code divak}. */
  public DivakFeature(Divak divak) {
    if (divak == null) throw new NullPointerException("divak == null");
    this.divak = divak;
  }

  /**
   * The MDC keys under which the trace id, the span id and the Request-Id are put for the
   * duration of a request. Default {@code traceId}, {@code spanId}, {@code requestId}.
   */
  public DivakFeature mdcKeys(String traceIdKey, String spanIdKey, String requestIdKey) {
    this.traceIdKey = requireKey("traceIdKey", traceIdKey);
    this.spanIdKey = requireKey("spanIdKey", spanIdKey);
    this.requestIdKey = requireKey("requestIdKey", requestIdKey);
    return this;
  }

  /** Whether to write one line per request on the logger {@code divak.access}. Default on. */
  public DivakFeature accessLog(boolean enabled) {
    this.accessLog = enabled;
    return this;
  }

  /**
   * Serves the metrics of every request ({@link divak.Divak#metrics()}) in the Prometheus text
   * format at {@code path} (such as {@code /metrics}), relative to the application. Off by
   * default; the metrics are recorded either way.
   */
  public DivakFeature metricsAt(String path) {
    this.metricsPath = MetricsEndpoint.normalize(path);
    return this;
  }

  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().getRuntimeType() == RuntimeType.CLIENT) {
      ClientTracing tracing = new ClientTracing(divak);
      context.register(new ClientTracingFilter(tracing), PRIORITY);
      ContainerHooks.registerClient(context, tracing);
    } else {
      ServerTracing tracing = new ServerTracing(divak,
          new MdcKeys(traceIdKey, spanIdKey, requestIdKey), accessLog ? new AccessLog() : null);
      context.register(new ServerStartFilter(tracing), PRIORITY);
      context.register(new ServerRouteFilter(tracing), PRIORITY);
      context.register(new ServerEndFilter(tracing), PRIORITY);
      if (metricsPath != null) {
        context.register(new MetricsEndpoint(tracing, metricsPath), MetricsEndpoint.PRIORITY);
      }
      ContainerHooks.registerServer(context, tracing);
      DecoratorsServe.register(context); // the decorator serves, never its original beside it
    }
    return true;
  }

  @Override
  public String toString() {
    return "DivakFeature{" + divak.serviceName() + "}";
  }

  private static String requireKey(String what, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank: was '" + key + "'");
    }
    return key;
  }
}
