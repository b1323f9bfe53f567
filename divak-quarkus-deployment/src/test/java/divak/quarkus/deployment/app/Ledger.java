package divak.quarkus.deployment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean with an {@code @Inject} constructor beside a no-argument one; see {@link Divak_Ledger}. */
@ApplicationScoped
public class Ledger {
  private final Shelf shelf;

  protected Ledger() {
    this(null);
  }

  @Inject
  public Ledger(Shelf shelf) {
    this.shelf = shelf;
  }

  public boolean hasShelf() {
    return shelf != null;
  }
}
