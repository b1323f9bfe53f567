package divak.samples.quarkus;

import divak.annotations.Tag;
import divak.annotations.Traced;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Lends a book by asking the books API over HTTP, with the Quarkus REST client. */
@Path("/library")
@Produces(MediaType.APPLICATION_JSON)
@Traced
public class LibraryResource {

  @GET
  @Path("/{id}")
  public Book lend(@Tag("book.id") @PathParam("id") String id, @Context UriInfo uri) {
    ShelfClient shelf = QuarkusRestClientBuilder.newBuilder()
        .baseUri(uri.getBaseUri()) // this application, on whatever port it listens
        .build(ShelfClient.class);
    return shelf.get(id);
  }
}
