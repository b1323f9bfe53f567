package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * Names the span after the matched route, as soon as matching is done and before the resource
 * method runs, so that code inside the method (a generated decorator with an explicit name) has
 * the last word.
 */
@Priority(DivakFeature.PRIORITY)
final class ServerRouteFilter implements ContainerRequestFilter {
  private final ServerTracing tracing;
  @Context private ResourceInfo resourceInfo; // a proxy to the current request's, injected

  ServerRouteFilter(ServerTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null) return; // unsampled too: metrics need the route
    ResourceInfo info = resourceInfo(request);
    if (info == null) return;
    Class<?> resourceClass = info.getResourceClass();
    if (resourceClass != null && !Routes.isRoot(resourceClass)) {
      // A sub-resource: its route runs through the locators that returned it (rare; no cache).
      String route = Routes.locatorTemplate(request.getUriInfo().getMatchedResources(),
          info.getResourceMethod());
      if (route != null) {
        tracing.matched(exchange, route);
        return;
      }
    }
    tracing.matched(exchange, resourceClass, info.getResourceMethod());
  }

  /**
   * The request's own {@code ResourceInfo} when its {@code UriInfo} is one (Jersey's is), else
   * the injected proxy. For speed: each call on the proxy looks the request's instance up in the
   * container's request scope, which on Jersey cost about 1 µs and 3 KB per request.
   */
  private ResourceInfo resourceInfo(ContainerRequestContext request) {
    UriInfo uriInfo = request.getUriInfo();
    return uriInfo instanceof ResourceInfo ? (ResourceInfo) uriInfo : resourceInfo;
  }

  @Override
  public String toString() {
    return "ServerRouteFilter{" + tracing.divak + "}";
  }
}
