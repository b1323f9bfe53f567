package divak.jaxrs;

import divak.Divak;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jspecify.annotations.Nullable;

/**
 * For containers that can pass a request on, after divak's pre-matching filter has started it,
 * without answering it and without running response filters: Quarkus REST hands a path that no
 * resource matches back to Vert.x, which answers 404. A container integration takes the started
 * request from a filter ({@link #started}) and, once the other layer has answered, ends it
 * ({@link Started#end}): the span that started when the request arrived is finished with that
 * status, the access line is written and the request is counted under the {@code unmatched} route,
 * as for any request that JAX-RS answers.
 *
 * <pre>{@code
 * HandOver handOver = HandOver.create(divak, true);
 * HandOver.Started started = handOver.started(request); // in a request filter; null if not started
 * // once the other layer has answered:
 * response.putHeader(divak.requestIdHeader(), started.requestId());
 * started.end(statusCode);
 * }</pre>
 */
public final class HandOver {
  private final ServerTracing tracing;

  private HandOver(ServerTracing tracing) {
    this.tracing = tracing;
  }

  /** For requests that a {@code new DivakFeature(divak).accessLog(accessLog)} traces. */
  public static HandOver create(Divak divak, boolean accessLog) {
    if (divak == null) throw new NullPointerException("divak == null");
    return new HandOver(new ServerTracing(divak, accessLog ? new AccessLog() : null, PathRule.NONE));
  }

  /** The request divak's filters started and have not ended, or null when there is none. */
  public @Nullable Started started(ContainerRequestContext request) {
    ServerExchange exchange = ServerTracing.exchange(request);
    return exchange == null || exchange.isEnded() ? null : new Started(tracing, exchange);
  }

  @Override
  public String toString() {
    return "HandOver{" + tracing.divak + "}";
  }

  /** A request divak started, which another layer than JAX-RS may answer. */
  public static final class Started {
    private final ServerTracing tracing;
    private final ServerExchange exchange;

    Started(ServerTracing tracing, ServerExchange exchange) {
      this.tracing = tracing;
      this.exchange = exchange;
    }

    /** The request's Request-Id, to relay on the response, or null when it has none. */
    public @Nullable String requestId() {
      return exchange.requestId;
    }

    /**
     * The request was answered with {@code status}: finish its span, write its access line and
     * count it, and restore this thread if the request was bound to it. Only the first end counts,
     * also when a JAX-RS filter ended the request.
     */
    public void end(int status) {
      if (!exchange.isEnded()) exchange.status(status);
      tracing.end(exchange, null);
    }
  }
}
