package divak.it.shop;

import divak.annotations.Tag;
import divak.annotations.Traced;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Not a resource: each traced method runs in a child span of the request's span. */
public class PricingService {
  @Traced
  public double quote(@Tag("sku") String sku, @Tag("quantity") int quantity) {
    return 1.5 * quantity;
  }

  /** Tags the item as its {@code toString()} gives it, and only when the span is recorded. */
  @Traced
  public String describe(@Tag("item") Object item) {
    return "an item";
  }

  /** Fails after it returned: the child span ends with the failure. */
  @Traced
  public CompletableFuture<Double> quoteLater(@Tag("sku") String sku) {
    return CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("no price for " + sku);
    }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
  }
}
