package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.grizzly.http.server.Request;

/**
 * Jersey on Grizzly: the client address for the access log, from Grizzly's request, which Jersey
 * offers only by injection. Looked up per request through the provider, so a request served by
 * another container (Grizzly on the class path, a servlet container serving) leaves it out.
 *
 * <p>Only loaded when Jersey's Grizzly container is on the classpath (see {@link ContainerHooks}).
 */
@PreMatching
@Priority(DivakFeature.PRIORITY + 1)
final class GrizzlyRemoteAddress implements ContainerRequestFilter {
  private final ServerTracing tracing;
  @Inject private Provider<Request> grizzlyRequest;

  private GrizzlyRemoteAddress(ServerTracing tracing) {
    this.tracing = tracing;
  }

  static Object create(ServerTracing tracing) {
    return new GrizzlyRemoteAddress(tracing);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null || exchange.uri == null || grizzlyRequest == null) return;
    try {
      Request grizzly = grizzlyRequest.get();
      if (grizzly != null) exchange.remote = grizzly.getRemoteAddr();
    } catch (RuntimeException notGrizzly) {
      // Served by another container: no address from here.
    }
  }

  @Override
  public String toString() {
    return "GrizzlyRemoteAddress{" + tracing.divak + "}";
  }
}
