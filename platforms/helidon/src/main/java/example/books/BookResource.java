package example.books;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The books endpoint. */
@Path("/books")
@RequestScoped
@Traced
public class BookResource {
  private final BookService books;

  /**
   * Injected by CDI.
   *
   * @param books the book service
   */
  @Inject
  public BookResource(BookService books) {
    this.books = books;
  }

  /** For CDI's client proxy. */
  protected BookResource() {
    this.books = null;
  }

  /**
   * One book.
   *
   * @param id the book's id
   * @return its title
   */
  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public String get(@Tag("book.id") @PathParam("id") long id) {
    String title = books.title(id);
    if (title == null) throw new NotFoundException("no book " + id);
    return title;
  }
}
