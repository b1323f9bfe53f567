package divak.jaxrs;

import divak.metrics.Metrics;
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
final class MetricsEndpoint implements ContainerRequestFilter {
  /** After {@link ServerStartFilter} where the container honours priorities. */
  static final int PRIORITY = DivakFeature.PRIORITY + 1;
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

  /** The path without surrounding slashes; rejects a blank one. */
  static String normalize(String path) {
    if (path == null) throw new NullPointerException("metricsAt path == null");
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') start++;
    while (end > start && path.charAt(end - 1) == '/') end--;
    String trimmed = path.substring(start, end);
    if (trimmed.isBlank()) {
      throw new IllegalArgumentException("metricsAt needs a path such as \"/metrics\": was '" + path + "'");
    }
    return trimmed;
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

  /** True when {@code requested} is the path, give or take surrounding slashes. */
  private boolean matches(String requested) {
    if (requested == null) return false;
    int start = 0;
    int end = requested.length();
    while (start < end && requested.charAt(start) == '/') start++;
    while (end > start && requested.charAt(end - 1) == '/') end--;
    return end - start == path.length() && requested.startsWith(path, start);
  }

  @Override
  public String toString() {
    return "MetricsEndpoint{" + route + "}";
  }
}
