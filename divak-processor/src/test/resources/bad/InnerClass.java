package bad;

import divak.annotations.Traced;

public class InnerClass {
  @Traced
  public class Inner {
    public void run() {
    }
  }
}
