package example.books;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;

/** Books, as plain text. */
@Path("/books")
@Produces(MediaType.TEXT_PLAIN)
@Traced
public class BookResource {
  @Context
  Providers providers;

  /** The title of a book; 404 for book 0. */
  @GET
  @Path("/{id}")
  public String get(@Tag("book.id") @PathParam("id") long id) {
    if (id == 0) throw new NotFoundException("no book 0");
    return catalog().title(id);
  }

  /** How many copies there are, from the catalog the application provides. */
  @GET
  @Path("/{id}/copies")
  public String copies(@Tag("book.id") @PathParam("id") long id) {
    Catalog catalog = catalog();
    return catalog.copies(id) + " copies of " + catalog.title(id);
  }

  /** Adds a book: 201 with its title. */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  public Response add(@Tag("book.title") String title) {
    return Response.status(Response.Status.CREATED).entity("added " + title).build();
  }

  private Catalog catalog() {
    return providers.getContextResolver(Catalog.class, MediaType.WILDCARD_TYPE)
        .getContext(BookResource.class);
  }
}
