package divak.samples.backend;

import divak.Divak;
import divak.Operation;
import divak.annotations.Tag;
import divak.annotations.Traced;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Not a resource: each traced method runs in a child span of the request's span. */
public class StockService {
  private static final Logger LOG = LoggerFactory.getLogger(StockService.class);

  @Traced
  public int unitsOf(@Tag("sku") String sku, Warehouse warehouse) {
    if (sku.startsWith("discontinued")) {
      throw new IllegalStateException("no stock record for " + sku);
    }
    try (Operation op = Divak.current().operation("query-db")) {
      sleep(2 + ThreadLocalRandom.current().nextInt(4));
      int units = Math.abs(sku.hashCode() % 40);
      op.tag("query-db.rowcount", 1).tag("warehouse", warehouse.name());
      LOG.info("{} has {} units in {}", sku, units, warehouse);
      return units;
    }
  }

  static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
