package divak.jaxrs.books;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Stands in for the decorator the processor writes: same path, an overriding method. */
@Path("/books")
public class Divak_BookResource extends BookResource {
  @GET
  @Path("/{id}")
  @Override
  public String get(@PathParam("id") long id) {
    return super.get(id);
  }
}
