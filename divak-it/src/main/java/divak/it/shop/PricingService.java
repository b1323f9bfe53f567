package divak.it.shop;

import divak.annotations.Tag;
import divak.annotations.Traced;

/** Not a resource: each traced method runs in a child span of the request's span. */
public class PricingService {
  @Traced
  public double quote(@Tag("sku") String sku, @Tag("quantity") int quantity) {
    return 1.5 * quantity;
  }
}
