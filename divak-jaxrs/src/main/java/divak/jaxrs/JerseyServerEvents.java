package divak.jaxrs;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.concurrent.CompletionStage;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Jersey's request events, for what filters cannot see.
 *
 * <ul>
 *   <li>{@code ON_EXCEPTION}: the exception, before any mapper turns it into a response; an
 *       unmapped one is otherwise seen only as a 500. When no mapper will answer it, the
 *       {@link JerseyFailureWriter} is installed, so that the container's 500 has the Request-Id.
 *   <li>{@code RESOURCE_METHOD_FINISHED}: the resource method returned on this thread; for an
 *       {@code AsyncResponse} or a {@code CompletionStage} this is the last moment on it, so the
 *       thread is restored here (a synchronous method's thread stays bound for its response). {@code RESP_FILTERS_START} binds the thread that produces the
 *       response, so that every response filter sees the ids.
 *   <li>{@code FINISHED}: always last, also when an exception reached the container; ends what no
 *       filter ended.
 * </ul>
 *
 * <p>Only loaded when Jersey is on the classpath (see {@link ContainerHooks}).
 */
final class JerseyServerEvents implements ApplicationEventListener, RequestEventListener {
  /** Jersey 3.1's mapper of last resort: an exception that only it maps reaches the container. */
  private static final String JERSEY_DEFAULT_MAPPER = "org.glassfish.jersey.server.DefaultExceptionMapper";

  private final ServerTracing tracing;
  @Context private Providers providers; // the application's, injected by Jersey

  private JerseyServerEvents(ServerTracing tracing) {
    this.tracing = tracing;
  }

  static Object create(ServerTracing tracing) {
    return new JerseyServerEvents(tracing);
  }

  @Override
  public void onEvent(ApplicationEvent event) {
  }

  @Override
  public RequestEventListener onRequest(RequestEvent event) {
    return this; // stateless: the request's state is its ServerExchange property
  }

  @Override
  public void onEvent(RequestEvent event) {
    switch (event.getType()) {
      case RESOURCE_METHOD_FINISHED:
      case RESP_FILTERS_START:
      case ON_EXCEPTION:
      case FINISHED:
        break;
      default:
        return;
    }
    ServerExchange exchange = ServerTracing.exchange(event.getContainerRequest());
    if (exchange == null) return;
    switch (event.getType()) {
      case RESOURCE_METHOD_FINISHED:
        // A synchronous method's thread goes on to the response filters (RESP_FILTERS_START),
        // which would bind it again: keeping the binding saves that restore and re-bind (about
        // 300 ns per request). Only a method that may answer from elsewhere is restored here.
        if (mayRespondElsewhere(event.getUriInfo().getMatchedResourceMethod())) {
          exchange.restoreHere();
        }
        break;
      case RESP_FILTERS_START:
        if (!exchange.isEnded() && !exchange.isBoundHere()) tracing.bind(exchange);
        break;
      case ON_EXCEPTION:
        Throwable error = unwrap(event.getException());
        boolean original = event.getExceptionCause() == RequestEvent.ExceptionCause.ORIGINAL;
        if (original) tracing.exception(exchange, error);
        // An exception that a mapper answers never reaches the container's failure(); one whose
        // mapped response could not be written (MAPPED_RESPONSE) does.
        ContainerRequest request = event.getContainerRequest();
        if ((!original || reachesContainer(error))
            && !(request.getResponseWriter() instanceof JerseyFailureWriter)) {
          request.setWriter(new JerseyFailureWriter(request.getResponseWriter(), request, tracing,
              exchange));
        }
        break;
      case FINISHED:
        if (!exchange.isEnded()) {
          ContainerResponse response = event.getContainerResponse();
          exchange.status(response != null && event.isResponseWritten()
              ? response.getStatus()
              : Response.Status.INTERNAL_SERVER_ERROR.getStatusCode());
          if (!exchange.isBoundHere()) tracing.bind(exchange);
          tracing.end(exchange, null);
        } else {
          exchange.restoreHere();
        }
        break;
      default:
        break;
    }
  }

  /**
   * False when Jersey will answer {@code error} with a response: a {@link
   * WebApplicationException} carries its own, and an application's mapper makes one. True
   * otherwise, and whenever in doubt (then the failure writer is installed for nothing, which
   * costs an object and changes nothing).
   */
  private boolean reachesContainer(Throwable error) {
    if (error instanceof WebApplicationException) return false;
    if (error == null || providers == null) return true;
    ExceptionMapper<?> mapper;
    try {
      mapper = providers.getExceptionMapper(error.getClass());
    } catch (RuntimeException e) {
      return true;
    }
    return mapper == null || mapper.getClass().getName().equals(JERSEY_DEFAULT_MAPPER);
  }

  /**
   * True when the response of {@code method} may be produced on another thread, or the method is
   * unknown: {@code @Suspended AsyncResponse}, {@code @ManagedAsync}, server-sent events, and a
   * {@code CompletionStage} result.
   */
  static boolean mayRespondElsewhere(ResourceMethod method) {
    if (method == null) return true;
    if (method.isSuspendDeclared() || method.isManagedAsyncDeclared() || method.isSse()) return true;
    Invocable invocable = method.getInvocable();
    Class<?> result = invocable == null ? null : invocable.getRawResponseType();
    return result == null || CompletionStage.class.isAssignableFrom(result);
  }

  /** Jersey wraps what resource methods throw in its own MappableException. */
  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e != null && e.getCause() != null
        && e.getClass().getName().equals("org.glassfish.jersey.server.internal.process.MappableException")) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public String toString() {
    return "JerseyServerEvents{" + tracing.divak + "}";
  }
}
