package divak.samples.quarkus;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** The shelf: each traced call is a child span of the request's span. */
@ApplicationScoped
public class BookService {
  private static final Logger LOG = Logger.getLogger(BookService.class);
  private final Map<String, Book> shelf = new ConcurrentHashMap<>(Map.of(
      "1", new Book("1", "The Left Hand of Darkness"),
      "2", new Book("2", "A Wizard of Earthsea")));

  @Traced
  public Optional<Book> find(@Tag("book.id") String id) {
    LOG.debugf("looking for book %s", id);
    return Optional.ofNullable(shelf.get(id));
  }

  @Traced
  public Book add(Book book) {
    String id = book.id() != null ? book.id() : Integer.toString(shelf.size() + 1);
    Book stored = new Book(id, book.title());
    shelf.put(id, stored);
    return stored;
  }
}
