package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.HttpRequest;

/**
 * RESTEasy (on Undertow, a servlet container or any other): the client address for the access
 * log, from RESTEasy's own request.
 *
 * <p>Only loaded when RESTEasy is on the classpath (see {@link ContainerHooks}).
 */
@PreMatching
@Priority(DivakFeature.PRIORITY + 1)
final class ResteasyRemoteAddress implements ContainerRequestFilter {
  private final ServerTracing tracing;

  private ResteasyRemoteAddress(ServerTracing tracing) {
    this.tracing = tracing;
  }

  static Object create(ServerTracing tracing) {
    return new ResteasyRemoteAddress(tracing);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null || exchange.uri == null) return;
    HttpRequest resteasy = ResteasyContext.getContextData(HttpRequest.class);
    if (resteasy != null) exchange.remote = resteasy.getRemoteAddress();
  }

  @Override
  public String toString() {
    return "ResteasyRemoteAddress{" + tracing.divak + "}";
  }
}
