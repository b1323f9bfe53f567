package bad;

import divak.annotations.Tag;
import divak.annotations.Traced;

public class TagOnUntracedMethod {
  @Traced
  public void traced() {
  }

  public void untraced(@Tag("order.id") String id) {
  }
}
