package divak.samples.quarkus;

import divak.annotations.Tag;
import divak.annotations.Traced;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A book's title, looked up on a virtual thread (built on Java 21 and later only). */
@Path("/virtual-books")
@Produces(MediaType.TEXT_PLAIN)
@Traced
public class VirtualThreadResource {
  private final BookService books;

  @Inject
  public VirtualThreadResource(BookService books) {
    this.books = books;
  }

  @GET
  @Path("/{id}")
  @RunOnVirtualThread
  public String title(@Tag("book.id") @PathParam("id") String id) {
    Book book = books.find(id).orElseThrow(NotFoundException::new);
    return book.title() + (Thread.currentThread().isVirtual() ? " (virtual thread)" : "");
  }
}
