package example.books;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks books up; each traced call is a child span of the request's. */
@ApplicationScoped
public class BookService {
  /**
   * The title of a book.
   *
   * @param id the book's id
   * @return its title, or null when there is no such book
   */
  @Traced
  public String title(@Tag("book.id") long id) {
    return id == 1 ? "Dune" : id == 2 ? "Solaris" : null;
  }
}
