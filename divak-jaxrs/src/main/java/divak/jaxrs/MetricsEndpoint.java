package divak.jaxrs;

import divak.metrics.Metrics;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers {@code GET} (and {@code HEAD}) on the configured path with the metrics in the
 * Prometheus text format, before matching: a filter rather than a resource, so that it works on
 * every Jakarta REST implementation without registering a resource class. The scrape is counted
 * under its own route, like any request.
 */
@PreMatching
@Priority(MetricsEndpoint.PRIORITY)
final class MetricsEndpoint implements ContainerRequestFilter {
  /** After {@link ServerStartFilter} and the remote address filters. */
  static final int PRIORITY = DivakFeature.PRIORITY + 2;
  static final MediaType TEXT_FORMAT = new MediaType("text", "plain",
      Map.of("version", "0.0.4", "charset", "utf-8"));

  private final ServerTracing tracing;
  private final Metrics metrics;
  private final String path;  // without leading or trailing slashes
  private final String route; // "/" + path

  MetricsEndpoint(ServerTracing tracing, String path) {
    this.tracing = tracing;
    this.metrics = tracing.divak.metrics();
    this.path = path;
    this.route = "/" + path;
  }

  /** The path without surrounding slashes; see {@link PathRule#normalize}. */
  static String normalize(String path) {
    return PathRule.normalize("metricsAt", path);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) return;
    if (!matches(request.getUriInfo().getPath())) return;
    // Containers may order filters of one priority either way; starting is idempotent, so the
    // scrape is traced and counted whichever filter runs first.
    tracing.start(request);
    tracing.matched(ServerTracing.exchange(request), route);
    StreamingOutput body = out -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      metrics.writePrometheus(writer);
      writer.flush();
    };
    request.abortWith(Response.ok(body, TEXT_FORMAT).build());
  }

  private boolean matches(String requested) {
    return PathRule.isExactly(requested, path);
  }

  @Override
  public String toString() {
    return "MetricsEndpoint{" + route + "}";
  }
}
