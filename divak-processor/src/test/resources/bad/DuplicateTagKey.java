package bad;

import divak.annotations.Tag;
import divak.annotations.Traced;

public class DuplicateTagKey {
  @Traced
  public void run(@Tag("order.id") String id, @Tag("order.id") String other) {
  }
}
