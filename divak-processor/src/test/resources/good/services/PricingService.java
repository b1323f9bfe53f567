package services;

import divak.annotations.NotTraced;
import divak.annotations.Tag;
import divak.annotations.Traced;
import java.util.List;
import java.util.concurrent.CompletableFuture;

@Traced
public class PricingService {
  public PricingService() {
  }

  protected PricingService(String currency) {
  }

  public double quote(@Tag("sku") String sku, @Tag("quantity") int quantity) {
    return 1.5 * quantity;
  }

  public <T extends Comparable<T>> T max(List<T> values) throws InterruptedException {
    return values.get(0);
  }

  public CompletableFuture<Double> quoteLater(@Tag("sku") String sku) {
    return CompletableFuture.completedFuture(1.0);
  }

  public Quote quoteAhead(@Tag("sku") String sku) {
    return new Quote();
  }

  public void warm(String... skus) {
  }

  /** Not traced: the class's @Traced leaves it out. */
  @NotTraced
  public boolean isWarm() {
    return true;
  }

  /** Not traced, and no error: final methods are skipped by the class's @Traced. */
  public final String currency() {
    return "EUR";
  }

  @Override
  public String toString() {
    return "PricingService";
  }

  @Override
  public boolean equals(Object other) {
    return other == this;
  }

  @Override
  public int hashCode() {
    return 1;
  }

  public static PricingService create() {
    return new PricingService();
  }

  /** A stage of the service's own type, which the decorator returns unchanged. */
  public static class Quote extends CompletableFuture<Double> {
  }

  public static class Rates {
    @Traced("rates.refresh")
    void refresh(@Tag("rates.force") boolean force, @Tag("rates.ratio") float ratio) {
    }
  }
}
