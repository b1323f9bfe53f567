package bad;

import divak.annotations.Traced;

@Traced
public class CoveredFinalMethod {
  public final void run() {
  }
}
