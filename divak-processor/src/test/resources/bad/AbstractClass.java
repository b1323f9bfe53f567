package bad;

import divak.annotations.Traced;

@Traced
public abstract class AbstractClass {
  public void run() {
  }
}
