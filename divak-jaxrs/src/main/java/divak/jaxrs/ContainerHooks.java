package divak.jaxrs;

import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Map;

/**
 * Registers the container-specific hooks for what Jakarta REST filters cannot see, when that
 * container is present. The hook classes are named here only behind a presence check, so this
 * module runs on any implementation without Jersey on the classpath.
 */
final class ContainerHooks {
  static final String JERSEY_SERVER_LISTENER =
      "org.glassfish.jersey.server.monitoring.ApplicationEventListener";
  static final String JERSEY_CLIENT_INTERCEPTOR =
      "org.glassfish.jersey.client.spi.PostInvocationInterceptor";
  static final String RESTEASY_EXCEPTION_HANDLER = "org.jboss.resteasy.core.ExceptionHandler";
  static final String GRIZZLY_CONTAINER = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer";
  static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";
  static final String JERSEY_SERVLET_CONTAINER = "org.glassfish.jersey.servlet.ServletContainer";

  /**
   * Jersey: a request event listener that records exceptions no response filter sees, ends the
   * span when Jersey hands an unmapped exception to the container, and unbinds the thread as soon
   * as the resource method returns. RESTEasy: a mapper of its {@code ApplicationException} that
   * records what a resource method threw and then answers as RESTEasy would have. The client
   * address for the access log: from RESTEasy's request, or under Jersey from Grizzly's or the
   * servlet container's.
   */
  static void registerServer(FeatureContext context, ServerTracing tracing) {
    boolean jersey = isPresent(JERSEY_SERVER_LISTENER);
    if (jersey) {
      context.register(JerseyServerEvents.create(tracing));
    }
    if (isPresent(RESTEASY_EXCEPTION_HANDLER)) {
      context.register(ResteasyExceptions.create(tracing));
      if (tracing.logsAccess()) {
        context.register(ResteasyRemoteAddress.create(tracing),
            Map.of(ContainerRequestFilter.class, DivakFeature.PRIORITY + 1));
      }
    }
    if (jersey && isPresent(GRIZZLY_CONTAINER) && tracing.logsAccess()) {
      JerseyRemoteAddress.register(context, GrizzlyRemoteAddress.create(tracing));
    }
    if (jersey && isPresent(JERSEY_SERVLET_CONTAINER) && isPresent(SERVLET_REQUEST)
        && tracing.logsAccess()) {
      JerseyRemoteAddress.register(context, ServletRemoteAddress.create(tracing));
    }
  }

  /** Jersey: a post-invocation interceptor that ends the span when the call fails. */
  static void registerClient(FeatureContext context, ClientTracing tracing) {
    if (isPresent(JERSEY_CLIENT_INTERCEPTOR)) {
      context.register(JerseyClientFailures.create(tracing), DivakFeature.PRIORITY);
    }
  }

  static boolean isPresent(String className) {
    try {
      Class.forName(className, false, ContainerHooks.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private ContainerHooks() {
  }
}
