package divak.samples.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The books API as a Quarkus REST client sees it. */
@Path("/books")
@Produces(MediaType.APPLICATION_JSON)
public interface ShelfClient {
  @GET
  @Path("/{id}")
  Book get(@PathParam("id") String id);
}
