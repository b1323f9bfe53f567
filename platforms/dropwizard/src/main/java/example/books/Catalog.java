package example.books;

import divak.annotations.Tag;
import divak.annotations.Traced;

/** A service the resource gets injected; its traced method runs in a child span. */
public class Catalog {
  /** The title of book {@code id}. */
  public String title(long id) {
    return "Book " + id;
  }

  /** How many copies of book {@code id} are on the shelves. */
  @Traced
  public int copies(@Tag("book.id") long id) {
    return (int) (id % 5) + 1;
  }
}
