package bad;

import divak.annotations.Traced;

@Traced
public final class FinalClass {
  public void run() {
  }
}
