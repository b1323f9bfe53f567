package example.books;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Books, as plain text. */
@Path("/books")
@Produces(MediaType.TEXT_PLAIN)
@Traced
public class BookResource {
  private final Catalog catalog;

  /** Dropwizard's guide passes dependencies in; scanning has HK2 inject them. */
  @Inject
  public BookResource(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The title of a book; 404 for book 0. */
  @GET
  @Path("/{id}")
  public String get(@Tag("book.id") @PathParam("id") long id) {
    if (id == 0) throw new NotFoundException("no book 0");
    return catalog.title(id);
  }

  /** How many copies there are, from the injected catalog. */
  @GET
  @Path("/{id}/copies")
  public String copies(@Tag("book.id") @PathParam("id") long id) {
    return catalog.copies(id) + " copies of " + catalog.title(id);
  }

  /** Adds a book: 201 with its title. */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  public Response add(@Tag("book.title") String title) {
    return Response.status(Response.Status.CREATED).entity("added " + title).build();
  }
}
