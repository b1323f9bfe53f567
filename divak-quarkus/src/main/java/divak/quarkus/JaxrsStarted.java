package divak.quarkus;

import divak.Divak;
import divak.jaxrs.HandOver;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A pre-matching filter, run just after divak's own start filter, that leaves the request divak
 * started with the Vert.x request: Quarkus REST hands a path no resource matches back to Vert.x
 * without running response filters, and {@link UnmatchedRequests} then ends that request when
 * Vert.x has answered it. The extension registers it; applications do not.
 */
public class JaxrsStarted implements ContainerRequestFilter {
  static final String KEY = "divak.jaxrs.started";

  private final HandOver handOver;
  private final CurrentVertxRequest current;

  /** Built by CDI. */
  @Inject
  public JaxrsStarted(Divak divak, CurrentVertxRequest current) {
    this.handOver = HandOver.create(divak, StaticInitSettings.read().accessLog());
    this.current = current;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    var context = current.getCurrent();
    if (context == null) return;
    HandOver.Started started = handOver.started(request);
    if (started != null) context.put(KEY, started);
  }
}
