package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Sees the response last: relays the Request-Id and, once the entity is written, ends the span.
 * Both run on the thread that writes the response, which for {@code AsyncResponse} and {@code
 * CompletionStage} is the thread that completed it.
 */
@Priority(DivakFeature.PRIORITY)
final class ServerEndFilter implements ContainerResponseFilter, WriterInterceptor {
  private final ServerTracing tracing;

  ServerEndFilter(ServerTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    tracing.response(request, response);
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    Object property = context.getProperty(ServerExchange.PROPERTY);
    if (!(property instanceof ServerExchange) || ((ServerExchange) property).isEnded()) {
      context.proceed();
      return;
    }
    ServerExchange exchange = (ServerExchange) property;
    Throwable failed = null;
    try {
      context.proceed();
    } catch (IOException | RuntimeException | Error e) {
      failed = e;
      throw e;
    } finally {
      tracing.end(exchange, failed);
    }
  }

  @Override
  public String toString() {
    return "ServerEndFilter{" + tracing.divak + "}";
  }
}
