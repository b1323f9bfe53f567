package api;

import divak.annotations.Tag;
import divak.annotations.Traced;

/** Takes its path from the interface: the decorator repeats it, and DivakResources registers it. */
@Traced
public class StoreResource implements StoreApi {
  @Override
  public String store(@Tag("city") String city) {
    return city;
  }
}
