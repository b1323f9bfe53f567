package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jboss.resteasy.core.ExceptionHandler;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.core.SynchronousDispatcher;
import org.jboss.resteasy.spi.ApplicationException;
import org.jboss.resteasy.spi.Dispatcher;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.jboss.resteasy.spi.UnhandledException;
import org.jboss.resteasy.tracing.RESTEasyTracingLogger;

/**
 * RESTEasy: records the exception a resource method threw, mapped or not, and then answers
 * exactly as RESTEasy would have without this class.
 *
 * <p>RESTEasy wraps whatever a resource method throws in its {@link ApplicationException} and
 * first looks for a mapper of that exact class; only then does it unwrap the cause and look for
 * the application's mappers, and last use its default mapper (which logs the exception and
 * answers 500 with its message, and nothing a filter can read the class from). This mapper is that
 * first look-up: it records the cause on the request's exchange and continues with the same
 * steps RESTEasy's {@code ExceptionHandler.handleApplicationException} takes after the look-up,
 * so the application's mappers see the same exception and the client gets the same response.
 * Its priority is the lowest, so an application's own mapper of {@code ApplicationException}
 * wins (and then divak sees a 500 only as its status, as before).
 *
 * <p>Only loaded when RESTEasy is on the classpath (see {@link ContainerHooks}).
 */
@Priority(Integer.MAX_VALUE)
final class ResteasyExceptions implements ExceptionMapper<ApplicationException> {
  private final ServerTracing tracing;

  private ResteasyExceptions(ServerTracing tracing) {
    this.tracing = tracing;
  }

  static Object create(ServerTracing tracing) {
    return new ResteasyExceptions(tracing);
  }

  @Override
  public Response toResponse(ApplicationException exception) {
    HttpRequest request = ResteasyContext.getContextData(HttpRequest.class);
    if (request != null) {
      Object exchange = request.getAttribute(ServerExchange.PROPERTY);
      if (exchange instanceof ServerExchange) {
        tracing.exception((ServerExchange) exchange, exception.getCause());
      }
    }
    Dispatcher dispatcher = ResteasyContext.getContextData(Dispatcher.class);
    if (request == null || !(dispatcher instanceof SynchronousDispatcher)) {
      // Not RESTEasy's own dispatcher: the nearest thing, its mapper of last resort.
      return ResteasyProviderFactory.getInstance().getThrowableExceptionMapper()
          .toResponse(exception.getCause());
    }
    return new AfterLookup((SynchronousDispatcher) dispatcher).respond(request, exception);
  }

  /** The rest of RESTEasy's handling of an {@code ApplicationException}, unchanged. */
  private static final class AfterLookup extends ExceptionHandler {
    AfterLookup(SynchronousDispatcher dispatcher) {
      super(dispatcher.getProviderFactory(), dispatcher.getUnwrappedExceptions());
    }

    Response respond(HttpRequest request, ApplicationException e) {
      Response response = unwrapException(request, e, RESTEasyTracingLogger.getInstance(request));
      if (response == null && providerFactory.isDefaultExceptionManagerEnabled()) {
        response = providerFactory.getThrowableExceptionMapper().toResponse(e.getCause());
      }
      if (response == null) throw new UnhandledException(e.getCause());
      return response;
    }
  }

  @Override
  public String toString() {
    return "ResteasyExceptions{" + tracing.divak + "}";
  }
}
