package divak.it.shop;

/** A checked exception, mapped to 404 by {@link OrderNotFoundMapper}. */
public class OrderNotFound extends Exception {
  private static final long serialVersionUID = 1L;

  public OrderNotFound(String id) {
    super("no order " + id);
  }
}
