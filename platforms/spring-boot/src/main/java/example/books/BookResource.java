package example.books;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.springframework.stereotype.Component;

/** The books endpoint. */
@Component
@Path("/books")
@Traced
public class BookResource {
  private final BookService books;

  /**
   * Injected by Spring.
   *
   * @param books the book service
   */
  public BookResource(BookService books) {
    this.books = books;
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

  /** @return the service this resource was given, for tests that check what Spring injected */
  BookService service() {
    return books;
  }
}
