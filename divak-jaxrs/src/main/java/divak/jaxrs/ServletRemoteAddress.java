package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Jersey on a servlet container (Jetty under Dropwizard, Tomcat under Spring Boot): the client
 * address for the access log, from the servlet request that Jersey's {@code ServletContainer}
 * offers by injection. Looked up per request through the provider, so a request that another
 * container serves (Grizzly, with the servlet API merely on the class path) leaves it out.
 *
 * <p>Only loaded when the servlet API and Jersey's servlet container are on the classpath (see
 * {@link ContainerHooks}).
 */
@PreMatching
@Priority(DivakFeature.PRIORITY + 1)
final class ServletRemoteAddress implements ContainerRequestFilter {
  private final ServerTracing tracing;
  @Inject private Provider<HttpServletRequest> servletRequest;

  private ServletRemoteAddress(ServerTracing tracing) {
    this.tracing = tracing;
  }

  static Object create(ServerTracing tracing) {
    return new ServletRemoteAddress(tracing);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null || exchange.uri == null || exchange.remote != null
        || servletRequest == null) {
      return;
    }
    try {
      HttpServletRequest servlet = servletRequest.get();
      if (servlet != null) exchange.remote = servlet.getRemoteAddr();
    } catch (RuntimeException notServlet) {
      // Served by another container: no address from here.
    }
  }

  @Override
  public String toString() {
    return "ServletRemoteAddress{" + tracing.divak + "}";
  }
}
