package bad;

import divak.annotations.Traced;

public class FinalMethod {
  @Traced
  public final void run() {
  }
}
