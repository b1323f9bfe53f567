package divak.samples.frontend;

import java.util.List;

/** The items of an order; fixed, so the demo is repeatable. */
final class Catalog {
  static List<String> itemsOf(long orderId) {
    return List.of("sku-" + orderId + "-a", "sku-" + orderId + "-b", "sku-" + orderId + "-c");
  }

  private Catalog() {
  }
}
