package divak.jaxrs;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import org.glassfish.jersey.client.spi.PostInvocationInterceptor;

/**
 * Jersey calls this when a request fails without a response (connection refused, timeout), where
 * no {@code ClientResponseFilter} runs. Only loaded when the Jersey client is on the classpath.
 */
final class JerseyClientFailures implements PostInvocationInterceptor {
  private final ClientTracing tracing;

  private JerseyClientFailures(ClientTracing tracing) {
    this.tracing = tracing;
  }

  static Object create(ClientTracing tracing) {
    return new JerseyClientFailures(tracing);
  }

  @Override
  public void afterRequest(ClientRequestContext request, ClientResponseContext response) {
    // ClientTracingFilter has ended the span.
  }

  @Override
  public void onException(ClientRequestContext request, ExceptionContext context) {
    tracing.failure(request, context.getThrowables().peekLast());
  }
}
