package divak.it.shop;

import divak.annotations.Tag;
import divak.annotations.Traced;

/** A root resource through {@link StoreApi}'s {@code @Path}: its decorator is registered too. */
@Traced
public class StoreResource implements StoreApi {
  @Override
  public String store(@Tag("city") String city) {
    return "store in " + city;
  }
}
