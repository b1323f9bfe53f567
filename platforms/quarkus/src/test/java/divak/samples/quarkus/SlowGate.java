package divak.samples.quarkus;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A pre-matching filter of the application that holds requests under {@code /slowly} for
 * {@link #DELAY}, before Quarkus REST matches them: a path there that no resource answers is
 * answered by Vert.x that much later than it arrived.
 */
public class SlowGate {
  static final Duration DELAY = Duration.ofMillis(300);

  @ServerRequestFilter(preMatching = true)
  public Uni<Void> holdSlowRequests(ContainerRequestContext request) {
    Uni<Void> pass = Uni.createFrom().voidItem();
    return request.getUriInfo().getPath().startsWith("/slowly")
        ? pass.onItem().delayIt().by(DELAY)
        : pass;
  }
}
