package bad;

import divak.annotations.Tag;
import divak.annotations.Traced;

public class PrivateMethod {
  /** One error: the @Tag is not reported again as being on an untraced method. */
  @Traced
  private void run(@Tag("id") String id) {
  }
}
