package rounds;

import divak.annotations.Tag;
import divak.annotations.Traced;

/** {@code Later} does not exist until another processor generates it in the first round. */
@Traced
public class UsesLater {
  public Later find(@Tag("id") String id) {
    return new Later();
  }
}
