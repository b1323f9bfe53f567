package divak.jaxrs;

import divak.Divak;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * relays or generates the Request-Id into the response (unless the application set one), puts
 * the ids in the MDC for the request (keys: {@link Divak.Builder#mdcKeys}), and writes one access
 * log line on the logger {@code divak.access}. On a client it starts a CLIENT span, a child of the current span, and
 * writes the propagation headers and the Request-Id onto the request.
 *
 * <p>Configure before registering; the settings are read when the feature is registered.
 */
public final class DivakFeature implements Feature {
  /**
   * The priority of every divak filter, also set by {@code @Priority} on each filter class: far
   * below any of {@link jakarta.ws.rs.Priorities} and anything an application would choose, so
   * that divak sees the request first and the response last (response filters run in descending
   * order). A filter that must run before divak can still take a lower value.
   */
  static final int PRIORITY = Integer.MIN_VALUE + 1000;

  /** Never traced, even when another library serves it: Prometheus' conventional path. */
  static final String DEFAULT_METRICS_PATH = "metrics";

  private final Divak divak;
  private boolean accessLog = true;
  private @Nullable String metricsPath; // null: no endpoint
  private final List<String> untracedPaths = new ArrayList<>();
  private @Nullable String remoteServiceName; // null: the called host

  /** Traces with {@code divak}. */
  public DivakFeature(Divak divak) {
    if (divak == null) throw new NullPointerException("divak == null");
    this.divak = divak;
  }

  /** Whether to write one line per request on the logger {@code divak.access}. Default on. */
  public DivakFeature accessLog(boolean enabled) {
    this.accessLog = enabled;
    return this;
  }

  /**
   * Serves the metrics of every request ({@link divak.Divak#metrics()}) in the Prometheus text
   * format at {@code path}, which starts with {@code /} (such as {@code /metrics}), relative to
   * the application. Off by default; the metrics are recorded either way. Scrapes are counted
   * but never traced.
   *
   * @throws IllegalArgumentException when the path does not start with {@code /}, is only
   *     slashes, or holds a character a path cannot (space, {@code ?}, {@code #}, control)
   */
  public DivakFeature metricsAt(String path) {
    this.metricsPath = MetricsEndpoint.normalize(path);
    return this;
  }

  /**
   * Requests to these paths, or below them, are not traced (no span is recorded, as if unsampled;
   * ids still propagate and the Request-Id, MDC, access log and metrics are as for any request).
   * For health checks and scrapes: {@code untraced("/health", "/ready")}. Each path starts with
   * {@code /} and is matched against the request path relative to the application, segment by
   * segment ({@code /health} matches {@code /health} and {@code /health/db}, not {@code
   * /healthz}). The {@link #metricsAt} path, or {@code /metrics} when none is set, is never
   * traced.
   */
  public DivakFeature untraced(String... paths) {
    if (paths == null) throw new NullPointerException("paths == null");
    for (String path : paths) untracedPaths.add(PathRule.normalize("untraced", path));
    return this;
  }

  /**
   * The service name that CLIENT spans give the called side ({@code remoteEndpoint.serviceName}
   * in Zipkin), for a client that calls one service. Default: the called host name, so that a
   * call to an uninstrumented service still appears in Zipkin's dependency graph.
   */
  public DivakFeature remoteServiceName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("remoteServiceName must not be blank: was '" + name + "'");
    }
    this.remoteServiceName = name;
    return this;
  }

  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().getRuntimeType() == RuntimeType.CLIENT) {
      ClientTracing tracing = new ClientTracing(divak, remoteServiceName);
      context.register(new ClientTracingFilter(tracing), Map.of(
          ClientRequestFilter.class, PRIORITY, ClientResponseFilter.class, PRIORITY));
      ContainerHooks.registerClient(context, tracing);
    } else {
      List<String> untraced = new ArrayList<>(untracedPaths);
      // Scrapes are never traced: the metrics path, and /metrics whoever serves it.
      untraced.add(metricsPath != null ? metricsPath : DEFAULT_METRICS_PATH);
      ServerTracing tracing = new ServerTracing(divak, accessLog ? new AccessLog() : null,
          new PathRule(untraced));
      // Priorities given per contract, and by @Priority on each class: Jersey does not apply
      // register(instance, int) to the filters of an instance registered by a feature.
      context.register(new ServerStartFilter(tracing), Map.of(ContainerRequestFilter.class, PRIORITY));
      context.register(new ServerRouteFilter(tracing), Map.of(ContainerRequestFilter.class, PRIORITY));
      context.register(new ServerEndFilter(tracing), Map.of(
          ContainerResponseFilter.class, PRIORITY, WriterInterceptor.class, PRIORITY));
      if (metricsPath != null) {
        context.register(new MetricsEndpoint(tracing, metricsPath),
            Map.of(ContainerRequestFilter.class, MetricsEndpoint.PRIORITY));
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
}
