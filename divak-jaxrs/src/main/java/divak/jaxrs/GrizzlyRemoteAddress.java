package divak.jaxrs;

import jakarta.ws.rs.core.GenericType;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.internal.util.collection.Ref;

/**
 * Jersey on Grizzly: the client address for the access log, from Grizzly's request (see
 * {@link JerseyRemoteAddress}).
 *
 * <p>Only loaded when Jersey's Grizzly container is on the classpath (see {@link ContainerHooks}).
 */
final class GrizzlyRemoteAddress {
  static JerseyRemoteAddress<Request> create(ServerTracing tracing) {
    return new JerseyRemoteAddress<Request>(tracing, new GenericType<Ref<Request>>() { }.getType(),
        ContainerHooks.GRIZZLY_CONTAINER, Request::getRemoteAddr, "Grizzly's request");
  }

  private GrizzlyRemoteAddress() {
  }
}
