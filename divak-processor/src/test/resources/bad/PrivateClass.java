package bad;

import divak.annotations.Traced;

public class PrivateClass {
  @Traced
  private static class Hidden {
    public void run() {
    }
  }
}
