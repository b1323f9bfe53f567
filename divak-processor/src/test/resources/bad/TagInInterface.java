package bad;

import divak.annotations.Tag;

public interface TagInInterface {
  void run(@Tag("order.id") String id);
}
