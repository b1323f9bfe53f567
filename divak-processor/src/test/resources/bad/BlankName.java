package bad;

import divak.annotations.Traced;

public class BlankName {
  @Traced("  ")
  public void run() {
  }
}
