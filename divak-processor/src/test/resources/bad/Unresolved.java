package bad;

import divak.annotations.Traced;

@Traced
public class Unresolved {
  public Missing run() {
    return null;
  }
}
