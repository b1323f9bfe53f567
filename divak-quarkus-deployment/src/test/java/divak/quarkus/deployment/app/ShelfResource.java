package divak.quarkus.deployment.app;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * A traced resource with two constructors: CDI must build its decorator through the one that
 * mirrors the {@code @Inject} constructor, or {@code shelf} is null.
 */
@Path("/shelves")
@Produces("text/plain")
@Traced
public class ShelfResource {
  private final Shelf shelf;
  private final Visits visits;

  protected ShelfResource() {
    this(null, null);
  }

  @Inject
  public ShelfResource(Shelf shelf, Visits visits) {
    this.shelf = shelf;
    this.visits = visits;
  }

  @GET
  @Path("/{name}")
  public String count(@Tag("shelf.name") @PathParam("name") String name) {
    return getClass().getSimpleName() + " " + shelf.count(name) + " " + visits.visit();
  }
}
