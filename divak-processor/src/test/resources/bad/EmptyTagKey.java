package bad;

import divak.annotations.Tag;
import divak.annotations.Traced;

public class EmptyTagKey {
  @Traced
  public void run(@Tag("") String id) {
  }
}
