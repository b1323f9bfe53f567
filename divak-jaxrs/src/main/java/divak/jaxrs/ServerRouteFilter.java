package divak.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Names the span after the matched route, as soon as matching is done and before the resource
 * method runs, so that code inside the method (a generated decorator with an explicit name) has
 * the last word.
 */
final class ServerRouteFilter implements ContainerRequestFilter {
  private final ServerTracing tracing;
  @Context private ResourceInfo resourceInfo; // a proxy to the current request's, injected

  ServerRouteFilter(ServerTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null || resourceInfo == null) return; // unsampled too: metrics need the route
    tracing.matched(exchange,
        Routes.template(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()));
  }

  @Override
  public String toString() {
    return "ServerRouteFilter{" + tracing.divak + "}";
  }
}
