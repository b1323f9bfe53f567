package divak.jaxrs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.GenericType;
import org.glassfish.jersey.internal.util.collection.Ref;

/**
 * Jersey on a servlet container (Jetty under Dropwizard, Tomcat under Spring Boot): the client
 * address for the access log, from the servlet request (see {@link JerseyRemoteAddress}).
 *
 * <p>Only loaded when the servlet API and Jersey's servlet container are on the classpath (see
 * {@link ContainerHooks}).
 */
final class ServletRemoteAddress {
  static JerseyRemoteAddress<HttpServletRequest> create(ServerTracing tracing) {
    return new JerseyRemoteAddress<HttpServletRequest>(tracing,
        new GenericType<Ref<HttpServletRequest>>() { }.getType(),
        ContainerHooks.JERSEY_SERVLET_CONTAINER, HttpServletRequest::getRemoteAddr,
        "the servlet request");
  }

  private ServletRemoteAddress() {
  }
}
