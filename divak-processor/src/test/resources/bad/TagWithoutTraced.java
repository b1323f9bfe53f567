package bad;

import divak.annotations.Tag;

public class TagWithoutTraced {
  public void run(@Tag("order.id") String id) {
  }
}
