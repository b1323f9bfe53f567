package divak.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/** Starts the CLIENT span and writes the headers; ends it when the response arrives. */
@Priority(DivakFeature.PRIORITY)
final class ClientTracingFilter implements ClientRequestFilter, ClientResponseFilter {
  private final ClientTracing tracing;

  ClientTracingFilter(ClientTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void filter(ClientRequestContext request) {
    tracing.request(request);
  }

  @Override
  public void filter(ClientRequestContext request, ClientResponseContext response) {
    tracing.response(request, response);
  }

  @Override
  public String toString() {
    return "ClientTracingFilter{" + tracing.divak + "}";
  }
}
