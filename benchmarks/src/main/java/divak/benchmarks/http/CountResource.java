package divak.benchmarks.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /count}: the requests {@link OrderResource} served, as {@code orders lines}. Not
 * traced: not {@code @Traced}, and excluded from divak's spans by {@code DivakFeature.untraced}.
 */
@Path("/count")
public class CountResource {
  private final RequestCounts counts;

  /** Reads {@code counts}. */
  @Inject
  public CountResource(RequestCounts counts) {
    this.counts = counts;
  }

  /** {@code orders lines}, two decimal numbers. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String count() {
    return counts.orders.sum() + " " + counts.lines.sum();
  }
}
