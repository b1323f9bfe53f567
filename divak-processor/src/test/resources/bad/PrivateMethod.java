package bad;

import divak.annotations.Traced;

public class PrivateMethod {
  @Traced
  private void run() {
  }
}
