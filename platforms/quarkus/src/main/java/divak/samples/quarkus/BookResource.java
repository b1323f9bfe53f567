package divak.samples.quarkus;

import divak.annotations.Tag;
import divak.annotations.Traced;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Books, served blocking (the default), non-blocking, as a {@code Uni} and as a stage, also when
 * the {@code Uni} or the stage moves to another thread before the shelf is asked.
 */
@Path("/books")
@Produces(MediaType.APPLICATION_JSON)
@Traced
public class BookResource {
  private final BookService books;
  private final ManagedExecutor executor;

  @Inject
  public BookResource(BookService books, ManagedExecutor executor) {
    this.books = books;
    this.executor = executor;
  }

  @GET
  @Path("/{id}")
  public Book get(@Tag("book.id") @PathParam("id") String id) {
    return books.find(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("/{id}/non-blocking")
  @NonBlocking
  public Book getNonBlocking(@Tag("book.id") @PathParam("id") String id) {
    return books.find(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("/{id}/uni")
  public Uni<Book> getUni(@Tag("book.id") @PathParam("id") String id) {
    return Uni.createFrom().item(() -> books.find(id).orElseThrow(NotFoundException::new));
  }

  @GET
  @Path("/{id}/stage")
  public CompletionStage<Book> getStage(@Tag("book.id") @PathParam("id") String id) {
    return CompletableFuture.completedFuture(books.find(id).orElseThrow(NotFoundException::new));
  }

  @GET
  @Path("/{id}/worker")
  public Uni<Book> getOnWorker(@Tag("book.id") @PathParam("id") String id) {
    return Uni.createFrom().item(id)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(i -> books.find(i).orElseThrow(NotFoundException::new));
  }

  @GET
  @Path("/{id}/executor")
  public CompletionStage<Book> getOnExecutor(@Tag("book.id") @PathParam("id") String id) {
    return executor.supplyAsync(() -> books.find(id).orElseThrow(NotFoundException::new));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Traced("create-book")
  public Response create(Book book) {
    Book created = books.add(book);
    return Response.created(URI.create("/books/" + created.id())).entity(created).build();
  }
}
