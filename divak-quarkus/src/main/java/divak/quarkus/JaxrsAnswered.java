package divak.quarkus;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Marks each request that Quarkus REST answers (matched, or answered by it with 404 or 405), so
 * that {@link UnmatchedRequests} leaves it to divak's JAX-RS filters. The extension registers it.
 */
public class JaxrsAnswered implements ContainerResponseFilter {
  static final String KEY = "divak.jaxrs.answered";

  private final CurrentVertxRequest current;

  /** Built by CDI. */
  @Inject
  public JaxrsAnswered(CurrentVertxRequest current) {
    this.current = current;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var context = current.getCurrent();
    if (context != null) context.put(KEY, Boolean.TRUE);
  }
}
