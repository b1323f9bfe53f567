package divak.quarkus.deployment.app;

/**
 * Written by hand as a decorator that repeats neither the inherited scope nor {@code @Inject}
 * (what the processor wrote before it copied {@code @Inject}): the build steps must still make it
 * the {@code @ApplicationScoped} bean, built through the mirrored constructor.
 */
public class Divak_Ledger extends Ledger {
  protected Divak_Ledger() {
    super();
  }

  public Divak_Ledger(Shelf shelf) {
    super(shelf);
  }
}
