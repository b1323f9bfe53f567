package divak.jaxrs.books;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A resource with a stand-in for its generated decorator beside it ({@link Divak_BookResource}). */
@Path("/books")
public class BookResource {
  /** Says which class served. */
  @GET
  @Path("/{id}")
  public String get(@PathParam("id") long id) {
    return getClass().getSimpleName() + " " + id;
  }

  /** Not overridden by the decorator: inherited by it. */
  @GET
  public String all() {
    return getClass().getSimpleName() + " all";
  }

  /** A nested resource, decorated as {@code Divak_BookResource_Shelf}. */
  @Path("/shelves")
  public static class Shelf {
    /** Says which class served. */
    @GET
    public String get() {
      return getClass().getSimpleName();
    }
  }
}
