package bad;

import divak.annotations.NotTraced;
import divak.annotations.Traced;

@Traced
public class TracedAndNotTraced {
  @Traced @NotTraced
  public void run() {
  }
}
