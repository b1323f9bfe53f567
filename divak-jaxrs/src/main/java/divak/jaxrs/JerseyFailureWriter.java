package divak.jaxrs;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * Puts the Request-Id on the 500 that Jersey's container writes for an exception no mapper
 * handled, and ends the request's span just before that 500 is committed. Jersey hands such an exception to {@link #failure}, which writes a bare 500 without
 * running any response filter; here the Request-Id header goes out first, and then the
 * container's own failure handling runs unchanged.
 *
 * <p>After {@code failure}, Jersey (3.1, unless {@code setStatusOverSendError}) also writes the
 * default exception mapper's 500. On Grizzly the container has answered by then (its error page
 * went through {@code getWriter()}), so that write fails with "getOutputStream() after
 * getWriter()" and Jersey logs it at SEVERE, with or without divak. A container that refuses the
 * late write that way gets a sink instead; one that accepts it writes as before.
 *
 * <p>Installed only for a request whose exception will reach the container (see {@link
 * JerseyServerEvents}).
 */
final class JerseyFailureWriter implements ContainerResponseWriter {
  private final ContainerResponseWriter delegate;
  private final ContainerRequest request;
  private final ServerTracing tracing;
  private final ServerExchange exchange;
  private volatile boolean failed;

  JerseyFailureWriter(ContainerResponseWriter delegate, ContainerRequest request,
      ServerTracing tracing, ServerExchange exchange) {
    this.delegate = delegate;
    this.request = request;
    this.tracing = tracing;
    this.exchange = exchange;
  }

  @Override
  public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response)
      throws ContainerException {
    if (!failed) return delegate.writeResponseStatusAndHeaders(contentLength, response);
    try {
      return delegate.writeResponseStatusAndHeaders(contentLength, response);
    } catch (IllegalStateException answeredAlready) {
      return OutputStream.nullOutputStream();
    }
  }

  @Override
  public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
    return delegate.suspend(timeOut, timeUnit, timeoutHandler);
  }

  @Override
  public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
    delegate.setSuspendTimeout(timeOut, timeUnit);
  }

  @Override
  public void commit() {
    delegate.commit();
  }

  @Override
  public void failure(Throwable error) {
    failed = true;
    String requestId = exchange.requestId;
    // The request ends here, before its 500 is committed: once the flush below has sent a
    // complete answer (no body), the caller may end its client span at once, so the server span
    // must be over by then to lie within it. Also before the container logs the exception.
    tracing.unmapped(exchange, unwrap(error));
    try {
      Response.ResponseBuilder answer = Response.serverError();
      if (requestId != null) answer.header(tracing.divak.requestIdHeader(), requestId);
      // Committed here (flushed with no body): a container that would answer with sendError
      // (Grizzly, unless setStatusOverSendError; Jersey's bean validation turns that on)
      // resets the headers first, and the Request-Id with them.
      OutputStream out = delegate.writeResponseStatusAndHeaders(0,
          new ContainerResponse(request, answer.build()));
      if (out != null) out.flush();
    } catch (IOException | RuntimeException e) {
      // Already committed, or a container that writes nothing here: its failure handling decides.
    }
    delegate.failure(error);
  }

  /** Jersey hands the container the exception wrapped in its own types; the cause is what failed. */
  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e != null && e.getCause() != null && e.getClass().getName().startsWith("org.glassfish.jersey.")) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public boolean enableResponseBuffering() {
    return delegate.enableResponseBuffering();
  }
}
