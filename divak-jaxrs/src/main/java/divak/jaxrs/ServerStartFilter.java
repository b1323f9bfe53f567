package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Starts the server span before matching, so that requests no resource matches (404, 405) are
 * traced and logged too.
 */
@Priority(DivakFeature.PRIORITY)
@PreMatching
final class ServerStartFilter implements ContainerRequestFilter {
  private final ServerTracing tracing;

  ServerStartFilter(ServerTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    tracing.start(request);
  }

  @Override
  public String toString() {
    return "ServerStartFilter{" + tracing.divak + "}";
  }
}
